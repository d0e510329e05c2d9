// Buffers live outside the JavaScript heap, and filling them touches every page.
const blocks = [];
for (;;) blocks.push(Buffer.alloc(64 << 20, 1));
