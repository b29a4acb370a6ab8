// Builders for commands in specs: the partnership id is the story's unless given.
import type { CommandOfType, CommandType } from '../commands.js';
import { PARTNERSHIP_ID } from './dortmund-zhytomyr.js';

export function command<T extends CommandType>(type: T, data: CommandOfType<T>['data'], partnershipId = PARTNERSHIP_ID): CommandOfType<T> {
  return { type, partnershipId, data } as CommandOfType<T>;
}
