// A server's first run, as a stranger finds it: the one-time setup token it prints while no manager
// exists. (A server on a new, empty database: startServer({ database: 'new', demo: false }).)
import { eventually } from './eventually';

const tokensIn = (log: string) => [...log.matchAll(/setup token: (pbj_setup_[a-z2-7]+)/g)].map((m) => m[1] ?? '');

/** The setup token the server printed last (at least `after + 1` of them), waiting for it if need be. */
export async function setupTokenIn(logs: () => string, after = 0, timeoutMs = 10_000): Promise<string> {
  const tokens = await eventually(
    () => tokensIn(logs()),
    (t) => t.length > after,
    'a setup token in the server log',
    timeoutMs,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}:\n${logs()}`);
  });
  return tokens[tokens.length - 1] ?? '';
}
