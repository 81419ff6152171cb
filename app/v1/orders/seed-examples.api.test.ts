// The seed guide's three "Example request" snippets (curl, JavaScript fetch, Python requests), run as
// written with only the host changed, against the real server and the seed's demo key.
import { spawn, spawnSync } from 'node:child_process';
import vm from 'node:vm';
import { beforeAll, expect, test } from 'vitest';
import { startServer, type TestServer } from '@/test/server';

const SEED_HOST = 'https://api.pbandj.io';

// The guide's curl example, argument by argument.
const CURL_ARGS = [
  '-X',
  'POST',
  'https://api.pbandj.io/v1/orders',
  '-H',
  'Content-Type: application/json',
  '-H',
  'X-API-Key: pbj_test_8dd1f2',
  '-d',
  `{
"customer_id": "cus_2048",
"bread": "brioche",
"peanut_butter": "smooth",
"jelly": "grape",
"toast": "light",
"cut": "halves",
"extras": ["banana_slices"]
}`,
];

const FETCH_SNIPPET = `const response = await fetch('https://api.pbandj.io/v1/orders', {
method: 'POST',
headers: {
'Content-Type': 'application/json',
'X-API-Key': 'pbj_test_8dd1f2',
},
body: JSON.stringify({
customer_id: 'cus_2048',
bread: 'brioche',
peanut_butter: 'smooth',
jelly: 'grape',
toast: 'light',
cut: 'halves',
extras: ['banana_slices'],
}),
});
const data = await response.json();
console.log(data);`;

const PYTHON_SNIPPET = `import requests
response = requests.post(
"https://api.pbandj.io/v1/orders",
headers={"X-API-Key": "pbj_test_8dd1f2"},
json={
"customer_id": "cus_2048",
"bread": "brioche",
"peanut_butter": "smooth",
"jelly": "grape",
"toast": "light",
"cut": "halves",
"extras": ["banana_slices"],
},
)
print(response.json())`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});

const onOurServer = (text: string) => text.replaceAll(SEED_HOST, server.url);

type Run = { code: number | null; stdout: string; stderr: string };
function run(command: string, args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** The response shape the guide shows under "Responses". */
function expectSeedResponse(body: unknown) {
  expect(body).toMatchObject({
    order_id: expect.stringMatching(/^ord_/),
    customer_id: 'cus_2048',
    status: 'queued',
    choices: { bread: 'brioche', peanut_butter: 'smooth', jelly: 'grape', extras: ['banana_slices'] },
  });
  const eta = (body as { eta_minutes: unknown }).eta_minutes;
  expect(Number.isInteger(eta) && (eta as number) > 0, `eta_minutes ${String(eta)} is a positive integer`).toBe(true);
}

/** A python3 that can `import requests`: the one on PATH, else the system one. */
function pythonWithRequests(): string | undefined {
  return ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import requests']).status === 0);
}

test('the curl example creates the order', async () => {
  const { code, stdout, stderr } = await run('/usr/bin/curl', CURL_ARGS.map(onOurServer));
  expect(code, stderr).toBe(0);
  expectSeedResponse(JSON.parse(stdout));
});

test('the JavaScript fetch example creates the order', async () => {
  const { code, stdout, stderr } = await run(process.execPath, [
    '--input-type=module',
    '-e',
    onOurServer(FETCH_SNIPPET),
  ]);
  expect(code, stderr).toBe(0);
  // console.log prints the object as a JavaScript literal (util.inspect): read it back as one.
  expectSeedResponse(vm.runInNewContext(`(${stdout})`));
});

test('the Python requests example creates the order', async () => {
  const python = pythonWithRequests();
  if (!python) {
    throw new Error(
      'Neither python3 nor /usr/bin/python3 can `import requests`. Install it: apt-get install python3-requests',
    );
  }
  const { code, stdout, stderr } = await run(python, ['-c', onOurServer(PYTHON_SNIPPET)]);
  expect(code, stderr).toBe(0);
  // print() writes a Python dict repr (None, True): let Python turn it into JSON.
  const asJson = await run(
    python,
    ['-c', 'import ast, json, sys; print(json.dumps(ast.literal_eval(sys.stdin.read())))'],
    stdout,
  );
  expect(asJson.code, asJson.stderr).toBe(0);
  expectSeedResponse(JSON.parse(asJson.stdout));
});
