// The part of s3rver (an S3-protocol server in Node, used by the S3 store's tests) the tests use; it ships no types.
declare module 's3rver' {
  export default class S3rver {
    constructor(opts: { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string }[] });
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
