// Writes to a pipe are synchronous on Linux, so nothing piles up in memory.
const chunk = "x".repeat(1000000);
for (let i = 0; i < 100; i++) process.stdout.write(chunk);
