// An SMTP server in-process on loopback (smtp-server) that parses every mail it accepts with
// mailparser, so tests read what the service really sent: headers, subject, language, text, HTML.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  mails: ParsedMail[];
  /** called when a mail's data starts arriving; 'drop' accepts nothing (e.g. after killing the client) */
  onData: (() => 'accept' | 'drop') | null;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  const state: TestSmtp = { url: '', mails, onData: null, close: () => Promise.resolve() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (state.onData?.() === 'drop') {
        // The sender is gone mid-DATA: it never gets a 250, so the mail was not accepted.
        stream.on('end', () => callback(new Error('dropped')));
        stream.resume();
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  // A client killed mid-mail resets its connection; that is the test's point, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
