#!/usr/bin/env node
// Packs the npm packages with `npm pack` (not published): `mpcanvas`
// (the JS API, the `bin`, the Jest / Vitest matchers) and the binary
// package of one OS and CPU (`@mpcanvas/linux-x64`, …) holding the given
// build of the CLI. CI's release job runs it once per target with that
// target's binary; tests run it with the test build.
//
//   node npm/build.mjs --binary target/release/mpcanvas [--target linux-x64] [--out target/npm]
//
// Prints the two tarballs' paths, main package first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const binary = arg('binary');
const target = arg('target', `${process.platform}-${process.arch}`);
const out = path.resolve(arg('out', path.join(here, '..', 'target', 'npm')));
if (!binary || !fs.existsSync(binary)) {
  console.error(`npm/build.mjs: --binary wants the mpcanvas binary to pack (got ${binary})`);
  process.exit(2);
}
const main = JSON.parse(fs.readFileSync(path.join(here, 'mpcanvas', 'package.json'), 'utf8'));
const pkgName = `@mpcanvas/${target}`;
if (!(pkgName in main.optionalDependencies)) {
  console.error(`npm/build.mjs: ${target} is not one of the package's targets`);
  process.exit(2);
}
// The workspace version is the one version of everything.
const cargo = fs.readFileSync(path.join(here, '..', 'Cargo.toml'), 'utf8');
const cargoVersion = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
if (cargoVersion !== main.version) {
  console.error(`npm/build.mjs: package.json has ${main.version}, Cargo.toml ${cargoVersion}`);
  process.exit(2);
}

const stage = path.join(out, 'stage');
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });

// The main package, as it is in the repository.
const mainStage = path.join(stage, 'mpcanvas');
fs.cpSync(path.join(here, 'mpcanvas'), mainStage, { recursive: true });

// The binary package: `os` and `cpu` make npm install it only where it runs.
const [os, cpu] = target.split('-');
const binStage = path.join(stage, target);
const exe = os === 'win32' ? 'mpcanvas.exe' : 'mpcanvas';
fs.mkdirSync(path.join(binStage, 'bin'), { recursive: true });
fs.copyFileSync(binary, path.join(binStage, 'bin', exe));
fs.chmodSync(path.join(binStage, 'bin', exe), 0o755);
fs.writeFileSync(
  path.join(binStage, 'package.json'),
  JSON.stringify(
    {
      name: pkgName,
      version: main.version,
      description: `The mpcanvas binary for ${target} (installed by the mpcanvas package).`,
      license: main.license,
      repository: main.repository,
      os: [os],
      cpu: [cpu],
      files: ['bin'],
      preferUnplugged: true,
    },
    null,
    2
  ) + '\n'
);
fs.writeFileSync(
  path.join(binStage, 'README.md'),
  `# ${pkgName}\n\nThe \`mpcanvas\` binary for ${target}. Install \`mpcanvas\`, not this package.\n`
);

const pack = (dir) =>
  execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: dir, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
const tarballs = [pack(mainStage), pack(binStage)].map((t) => path.join(out, t));
fs.rmSync(stage, { recursive: true, force: true });
console.log(tarballs.join('\n'));
