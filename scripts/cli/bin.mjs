#!/usr/bin/env -S node --max-semi-space-size=32
// The `capsule` executable. A larger young generation suits its work: many short-lived objects
// while parsing thousands of records (about a fifth less time in garbage collection).
// Capsule is TypeScript run by Node's type stripping (Node >= 22.18);
// this plain-JavaScript first step turns an old Node into a clear message instead of a crash.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `capsule needs Node.js 22.18 or newer, and this is ${process.version}.\n` +
      'Run it through npm (`npx capsule ...` or `npm run capsule -- ...`): after `npm ci` they use the Node in node_modules/.bin.',
  );
  process.exit(2);
}
await import('./capsule.ts');
