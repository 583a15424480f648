import { Redis } from 'ioredis';
const r = new Redis('redis://127.0.0.1:6379');
const info = async () => { const s = await r.info('cpu'); const u = +s.match(/used_cpu_user:([\d.]+)/)[1], y = +s.match(/used_cpu_sys:([\d.]+)/)[1]; return (u + y) * 1000; };
await r.set('k', 'v');
for (let round = 0; round < 3; round++) {
  const n = 5000; const r0 = await info(); const t = process.cpuUsage();
  for (let i = 0; i < n; i++) await r.hget('nokey', 'f');
  const u = process.cpuUsage(t); const r1 = await info();
  console.log(`per RT: client ${((u.user + u.system) / n).toFixed(1)} µs, redis ${((r1 - r0) * 1000 / n).toFixed(1)} µs`);
}
r.disconnect();
