// Run first by `npm run build` and every test and bench script (package.json),
// so an old Node says so on its first line instead of failing deep inside
// (Vitest 5 needs Map.groupBy; WXT 0.21 needs Node 22). Written for any Node
// that runs ES modules: no syntax or API newer than Node 12 here.
var REQUIRED = [22, 12];
var have = process.versions.node.split('.').map(Number);
var ok = have[0] > REQUIRED[0] || (have[0] === REQUIRED[0] && have[1] >= REQUIRED[1]);
if (!ok) {
  var cache = '$HOME/.cache/incident-capture/node/node_modules/.bin';
  console.error(
    'incident-capture needs Node ' + REQUIRED.join('.') + ' or newer; this is Node ' + process.version + ' (' + process.execPath + ').\n' +
      '`npm test` fetches a project-local Node 22 by itself. For any other script, run `npm test` once (or\n' +
      '`npm install --prefix ~/.cache/incident-capture/node node@22.23.3`), then:\n' +
      '  export PATH="' + cache + ':$PATH"',
  );
  process.exit(1);
}
