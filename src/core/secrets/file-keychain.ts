import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Keychain } from '../ports';

/** The key file is unusable; `fix` says what to do. Messages never contain the file's content. */
export class KeyFileError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'KeyFileError';
  }
}

const FORMAT = 'izzie-vault-key-file';
const POSIX = process.platform !== 'win32';

interface KeyFile {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly accounts: Record<string, string>;
}

/**
 * A Keychain kept in one file, for headless servers that opted in with IZZIE_INSECURE_FILE_VAULT=1.
 * It holds the same entries the OS keychain would (master keys and the `current` pointer), so the
 * vault works the same way on top of it, rotation included.
 *
 * Permissions: the file is created 0600 in a 0700 directory. A file that group or others may read
 * or write, that another user owns, or that is a symlink is refused, not repaired: by the time we
 * see it the key may already have been copied, and chmod-ing quietly would hide that. The person
 * fixes the mode themselves and decides whether to rotate (ssh refuses loose private keys likewise).
 * Windows has no mode bits to check; there the file relies on the profile directory's ACL.
 */
export function createFileKeychain(file: string): Keychain {
  const read = (): Record<string, string> => {
    if (!checkedExists(file)) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      parsed = null;
    }
    if (!isKeyFile(parsed)) {
      throw new KeyFileError(
        `Secrets are unavailable: the key file ${file} is damaged or not an Izzie key file.`,
        `Move ${file} aside (do not delete it if it may still hold your key) and restart Izzie to create a new one; ` +
          'secrets saved with the old key will then need to be entered again.',
      );
    }
    return { ...parsed.accounts };
  };

  const write = (accounts: Record<string, string>): void => {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const body: KeyFile = { format: FORMAT, version: 1, accounts };
    // Write-then-rename: a crash leaves either the old file or the new one, never half a key.
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const fd = openSync(temp, 'wx', 0o600);
    try {
      if (POSIX) fchmodSync(fd, 0o600); // the mode passed to open() is narrowed by umask, never widened; be exact anyway
      writeSync(fd, JSON.stringify(body));
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, file);
  };

  return {
    description: `the key file ${file}`,
    get: async (account) => {
      const accounts = read();
      return Object.hasOwn(accounts, account) ? (accounts[account] ?? null) : null;
    },
    set: async (account, value) => write({ ...read(), [account]: value }),
    delete: async (account) => {
      const accounts = read();
      if (!Object.hasOwn(accounts, account)) return false;
      delete accounts[account];
      write(accounts);
      return true;
    },
  };
}

function checkedExists(file: string): boolean {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!stat.isFile()) {
    throw new KeyFileError(
      `Secrets are unavailable: the key file ${file} is not a regular file (a symlink or a directory).`,
      `Replace it with the real file (mode 600), or move it aside to create a new key.`,
    );
  }
  if (!POSIX) return true;
  const loose = stat.mode & 0o077;
  const uid = process.getuid?.();
  if (loose !== 0) {
    throw new KeyFileError(
      `Secrets are unavailable: the key file ${file} can be read or changed by other users ` +
        `(mode ${(stat.mode & 0o777).toString(8)}), so Izzie will not use it.`,
      `Run \`chmod 600 ${file}\`, then restart Izzie. If someone else may have read it, also enter your secrets again ` +
        '(or rotate the vault key) once it is fixed.',
    );
  }
  if (uid !== undefined && stat.uid !== uid) {
    throw new KeyFileError(
      `Secrets are unavailable: the key file ${file} belongs to another user (uid ${stat.uid}), so Izzie will not use it.`,
      `Run \`chown ${uid} ${file}\` as that user or root if the file is really yours, or move it aside to create a new key.`,
    );
  }
  return true;
}

function isKeyFile(value: unknown): value is KeyFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<KeyFile>;
  return (
    v.format === FORMAT &&
    v.version === 1 &&
    typeof v.accounts === 'object' &&
    v.accounts !== null &&
    Object.values(v.accounts).every((entry) => typeof entry === 'string')
  );
}
