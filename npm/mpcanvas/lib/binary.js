'use strict';
// Where the native `mpcanvas` binary is. It ships in one package per
// OS and CPU (`@mpcanvas/linux-x64`, …), each listed as an optional
// dependency with `os` and `cpu` fields, so npm installs only the one
// that fits this machine. MPCANVAS_BINARY overrides the search (a local
// build, an unsupported platform).
const path = require('node:path');
const fs = require('node:fs');

/** The package name of this machine's binary. */
function platformPackage(platform = process.platform, arch = process.arch) {
  return `@mpcanvas/${platform}-${arch}`;
}

/** The absolute path of the binary; throws an error that says what to do. */
function binaryPath() {
  const override = process.env.MPCANVAS_BINARY;
  if (override) {
    if (!fs.existsSync(override)) {
      throw new Error(`MPCANVAS_BINARY is ${override}, which does not exist`);
    }
    return path.resolve(override);
  }
  const pkg = platformPackage();
  const exe = process.platform === 'win32' ? 'mpcanvas.exe' : 'mpcanvas';
  let manifest;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(
      `mpcanvas: no binary for ${process.platform}-${process.arch}: the optional ` +
        `dependency ${pkg} is not installed. Reinstall without --no-optional / ` +
        `--omit=optional, or set MPCANVAS_BINARY to an mpcanvas binary ` +
        `(cargo install mpcanvas-cli).`
    );
  }
  return path.join(path.dirname(manifest), 'bin', exe);
}

module.exports = { binaryPath, platformPackage };
