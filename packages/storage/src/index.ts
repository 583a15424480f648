export { CLEANED_KIND, ContentStore, sha256, storeIoError, writeFileAtomic, STORE_GZIP_LEVEL } from './content-store.ts';
export { CachedBlobStore } from './cached-blob-store.ts';
export { SnapshotStore, type Snapshot } from './snapshot-store.ts';
export { SinkError, type Sink, type SinkOutcome } from './sink.ts';
export { JsonlSink } from './jsonl-sink.ts';
export { SqlSink, classifySqlError, openPostgresSink, openPgliteSink, ARTICLES_DDL, type SqlClient } from './sql-sink.ts';
export { assertId, assertKind, type BlobStore, type SharedBlobStore } from './blob-store.ts';
export { BLOBS_TABLE, PgBlobStore, openPgBlobStore } from './pg-blob-store.ts';
export { S3BlobStore, openS3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.ts';
