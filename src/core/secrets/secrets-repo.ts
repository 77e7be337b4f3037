import type { Db } from '../store/database';
import type { SealedSecret } from './secret-cipher';

export interface SecretRow extends SealedSecret {
  readonly name: string;
}

interface RawRow {
  name: string;
  key_id: string;
  iv: Buffer;
  ciphertext: Buffer;
  auth_tag: Buffer;
}

const toRow = (raw: RawRow): SecretRow => ({
  name: raw.name,
  keyId: raw.key_id,
  iv: raw.iv,
  ciphertext: raw.ciphertext,
  authTag: raw.auth_tag,
});

/** Encrypted rows only: this file never sees a plaintext or a key, and is the vault's only SQL. */
export class SecretsRepo {
  constructor(private readonly db: Db) {}

  find(name: string): SecretRow | null {
    const raw = this.db.prepare('SELECT name, key_id, iv, ciphertext, auth_tag FROM secrets WHERE name = ?').get(name) as
      RawRow | undefined;
    return raw ? toRow(raw) : null;
  }

  has(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM secrets WHERE name = ?').get(name) !== undefined;
  }

  names(): string[] {
    return (this.db.prepare('SELECT name FROM secrets ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
  }

  /** created_at is kept on replace: it records when the secret was first entered. */
  put(name: string, sealed: SealedSecret, at: number): void {
    this.db
      .prepare(
        `INSERT INTO secrets (name, key_id, iv, ciphertext, auth_tag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv, ciphertext = excluded.ciphertext,
           auth_tag = excluded.auth_tag, updated_at = excluded.updated_at`,
      )
      .run(name, sealed.keyId, sealed.iv, sealed.ciphertext, sealed.authTag, at, at);
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM secrets WHERE name = ?').run(name).changes > 0;
  }

  keyIds(): string[] {
    return (this.db.prepare('SELECT DISTINCT key_id FROM secrets ORDER BY key_id').all() as Array<{ key_id: string }>).map(
      (r) => r.key_id,
    );
  }

  namesUnderKey(keyId: string): string[] {
    return (this.db.prepare('SELECT name FROM secrets WHERE key_id = ? ORDER BY name').all(keyId) as Array<{ name: string }>).map(
      (r) => r.name,
    );
  }

  /**
   * Re-seals every row in ONE immediate transaction: `reseal` returns the new sealing, or null to
   * leave a row as it is. If anything throws, SQLite rolls the whole batch back, so the table is
   * either entirely as before or entirely re-sealed — never a mix the caller has not seen.
   * `updated_at` is left alone: the value did not change, only its wrapping.
   */
  resealAll(reseal: (row: SecretRow) => SealedSecret | null): { resealed: number; skipped: string[] } {
    const all = this.db.prepare('SELECT name, key_id, iv, ciphertext, auth_tag FROM secrets ORDER BY name');
    const update = this.db.prepare('UPDATE secrets SET key_id = ?, iv = ?, ciphertext = ?, auth_tag = ? WHERE name = ?');
    return this.db
      .transaction(() => {
        let resealed = 0;
        const skipped: string[] = [];
        for (const raw of all.all() as RawRow[]) {
          const sealed = reseal(toRow(raw));
          if (!sealed) {
            skipped.push(raw.name);
            continue;
          }
          update.run(sealed.keyId, sealed.iv, sealed.ciphertext, sealed.authTag, raw.name);
          resealed++;
        }
        return { resealed, skipped };
      })
      .immediate();
  }
}
