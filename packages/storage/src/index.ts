export { CLEANED_KIND, ContentStore, sha256, storeIoError, writeFileAtomic } from './content-store.ts';
export { SnapshotStore, type Snapshot } from './snapshot-store.ts';
export { SinkError, type Sink, type SinkOutcome } from './sink.ts';
export { JsonlSink } from './jsonl-sink.ts';
export { SqlSink, classifySqlError, openPostgresSink, openPgliteSink, ARTICLES_DDL, type SqlClient } from './sql-sink.ts';
