// 100,000 secrets in one namespace, written by SQL straight into the
// database (INSERT … SELECT generate_series: seconds, where the API would
// take an hour). Each has labels like a real fleet's (env, team, app), one
// version row of realistic size and, for a third of them, a read record:
// the list reads exactly these tables (Secret, the newest SecretVersion's
// keys and size, the newest SecretAccess). The version's bytes are random,
// not a real envelope: a list never decrypts, so it never notices.
import { adminQuery } from "../support/instance";

export const SECRETS = Number(process.env.BENCH_LIST_SECRETS ?? 100_000);
export const NAMESPACE = "default";

/** 1,000 prefixes of 100 names each: `svc042_db_42042`. */
export const PREFIX = "svc042_";
/** 1 in 50 secrets (2,000): `team=t7`. */
export const LABEL = { key: "team", value: "t7" };

export async function seedSecrets(url: string): Promise<void> {
  const [ns] = await adminQuery<{ id: string }>(`SELECT "id" FROM "Namespace" WHERE "name" = $1`, [NAMESPACE], url);
  if (!ns) throw new Error(`no namespace ${NAMESPACE}`);
  await adminQuery(
    `INSERT INTO "Secret" ("id", "namespaceId", "name", "type", "labels", "currentVersion", "createdAt", "updatedAt")
     SELECT lpad(to_hex(i), 25, 'z'), $1,
            'svc' || lpad((i % 1000)::text, 3, '0') || '_' || (ARRAY['db','api','cache','queue','tls'])[1 + i % 5] || '_' || i,
            'Opaque',
            jsonb_build_object('env', (ARRAY['prod','staging','dev'])[1 + i % 3], 'team', 't' || (i % 50), 'app', 'app' || (i % 500)),
            1, now() - (i || ' minutes')::interval, now() - (i || ' seconds')::interval
     FROM generate_series(1, $2::int) AS i`,
    [ns.id, SECRETS],
    url,
  );
  await adminQuery(
    `INSERT INTO "SecretVersion" ("id", "secretId", "version", "ciphertext", "nonce", "wrappedDek", "kekName", "keys", "sizeBytes", "createdAt")
     SELECT 'sv_' || s."id", s."id", 1,
            decode(md5(s."id") || md5(s."name") || md5(s."id" || 'x'), 'hex'), decode(substr(md5(s."name"), 1, 24), 'hex'),
            decode(md5(s."id" || 'k') || md5(s."id" || 'l') || md5(s."id" || 'm'), 'hex'), 'master',
            '[{"name":"value","size":48}]'::jsonb, 48, s."createdAt"
     FROM "Secret" s WHERE s."namespaceId" = $1`,
    [ns.id],
    url,
  );
  await adminQuery(
    `INSERT INTO "SecretAccess" ("id", "secretId", "readerKey", "readerType", "readerId", "readerLabel", "firstReadAt", "lastReadAt", "count")
     SELECT 'acc_' || s."id", s."id", 'service:svc_bench', 'service', 'svc_bench', 'default/bench', s."createdAt", now() - interval '1 hour', 3
     FROM "Secret" s WHERE s."namespaceId" = $1 AND abs(hashtext(s."id")) % 3 = 0`,
    [ns.id],
    url,
  );
  for (const table of ["Secret", "SecretVersion", "SecretAccess"]) await adminQuery(`ANALYZE "${table}"`, [], url);
}
