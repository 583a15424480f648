import { gunzipSync, gzipSync } from 'node:zlib';
import type { S3Client } from '@aws-sdk/client-s3';
import { assertId, assertKind, idOfName, LIST_PAGE, type SharedBlobStore } from './blob-store.ts';
import { sha256, STORE_GZIP_LEVEL } from './content-store.ts';

/** Where an S3 blob store keeps its objects. */
export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix inside the bucket (`provnews/`), so several deployments can share one bucket. */
  prefix?: string;
  /** A non-AWS server (MinIO, Ceph, R2 …), e.g. `http://minio:9000`; unset means AWS S3. */
  endpoint?: string;
  region?: string;
  /** Explicit credentials; unset uses the SDK's chain (env AWS_ACCESS_KEY_ID/…, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Snapshots and cleaned pages as objects in an S3-compatible bucket, `<prefix><kind>/<id[0..2]>/<id>.gz`,
 * gzip-compressed like the disk store. Ids are content hashes, so an object is never rewritten with
 * other bytes: a write that finds the object already there (`If-None-Match: *`) is a success, and a
 * server without conditional writes simply overwrites identical bytes.
 */
export class S3BlobStore implements SharedBlobStore {
  readonly description: string;
  private readonly prefix: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    prefix = 'provnews/',
    description?: string,
  ) {
    this.prefix = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
    this.description = description ?? `s3://${bucket}/${this.prefix}`;
  }

  private keyOf(kind: string, id: string): string {
    assertKind(kind);
    assertId(id);
    return `${this.prefix}${kind}/${id.slice(0, 2)}/${id}.gz`;
  }

  /** Runs a HEAD request: true when the bucket or object is there, false on 404, other errors thrown. */
  private found(head: () => Promise<unknown>): Promise<boolean> {
    return head().then(
      () => true,
      (err: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
        if (err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404) return false;
        throw err;
      },
    );
  }

  /**
   * Creates the bucket when it does not exist yet (a fresh MinIO); several processes starting
   * together may all try, and the losers' "already owned by you" is success.
   */
  async ensureBucket(): Promise<void> {
    const { CreateBucketCommand, HeadBucketCommand } = await import('@aws-sdk/client-s3');
    const exists = await this.found(() => this.client.send(new HeadBucketCommand({ Bucket: this.bucket })));
    if (exists) return;
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw err;
    }
  }

  async putBytes(kind: string, data: Uint8Array): Promise<string> {
    const id = sha256(data);
    await this.putBytesAt(kind, id, data);
    return id;
  }

  async putBytesAt(kind: string, id: string, data: Uint8Array): Promise<boolean> {
    const key = this.keyOf(kind, id);
    const { HeadObjectCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
    // Derived ids (snapshots) keep their first object: look before writing.
    const exists = await this.found(() => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })));
    if (exists) return false;
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: gzipSync(data, { level: STORE_GZIP_LEVEL }), ContentType: 'application/gzip', IfNoneMatch: '*' }),
      );
      return true;
    } catch (err) {
      // Another process stored the same object between our look and our write.
      if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return false;
      throw err;
    }
  }

  async getBytes(kind: string, id: string): Promise<Buffer | null> {
    const key = this.keyOf(kind, id);
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!res.Body) return null;
      return gunzipSync(Buffer.from(await res.Body.transformToByteArray()));
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      // A missing bucket is a configuration error, not a missing object.
      if (e.name === 'NoSuchBucket') throw err;
      if (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return null;
      throw err;
    }
  }

  async putJson(kind: string, value: unknown): Promise<string> {
    return this.putBytes(kind, Buffer.from(JSON.stringify(value)));
  }

  async getJson<T>(kind: string, id: string): Promise<T | null> {
    const bytes = await this.getBytes(kind, id);
    return bytes ? (JSON.parse(bytes.toString('utf8')) as T) : null;
  }

  /**
   * Every object of `kind`, a listing page (`pageSize` keys, at most 1,000) at a time. Pages are
   * chained by key (ListObjects with `Marker` = the last key seen), which every S3-protocol server
   * answers the same way; ListObjectsV2's continuation tokens are server-made, and the test server
   * (s3rver) cannot make them on OpenSSL 3.
   */
  async *ids(kind: string, pageSize = LIST_PAGE): AsyncIterable<string> {
    assertKind(kind);
    const { ListObjectsCommand } = await import('@aws-sdk/client-s3');
    const prefix = `${this.prefix}${kind}/`;
    let marker: string | undefined;
    for (;;) {
      const page = await this.client.send(new ListObjectsCommand({ Bucket: this.bucket, Prefix: prefix, MaxKeys: pageSize, ...(marker ? { Marker: marker } : {}) }));
      const keys = (page.Contents ?? []).map((o) => o.Key ?? '');
      for (const key of keys) {
        // `<kind>/<shard>/<id>.gz`: the name after the last slash.
        const id = idOfName(key.slice(key.lastIndexOf('/') + 1));
        if (id) yield id;
      }
      if (!page.IsTruncated || keys.length === 0) return;
      marker = keys[keys.length - 1];
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

/** An S3 blob store with its own client (path-style addressing when an endpoint is given, as MinIO needs). */
export async function openS3BlobStore(opts: S3BlobStoreOptions): Promise<S3BlobStore> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: opts.region ?? 'us-east-1',
    ...(opts.endpoint ? { endpoint: opts.endpoint, forcePathStyle: true } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    // Checksums only where S3 requires them: S3-compatible servers differ in which they accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return new S3BlobStore(client, opts.bucket, opts.prefix ?? 'provnews/', `s3://${opts.bucket}/${opts.prefix ?? 'provnews/'}${opts.endpoint ? ` at ${opts.endpoint}` : ''}`);
}
