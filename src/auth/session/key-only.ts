import { SetMetadata } from '@nestjs/common';

export const KEY_ONLY = 'keyOnly';
/** A route only an API key may call (it records the key as owner); a session gets 403 api_key_required. */
export const KeyOnly = () => SetMetadata(KEY_ONLY, true);
