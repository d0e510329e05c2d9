import * as fs from "fs";

const input: string = fs.readFileSync(0, "utf8").split("\n")[0];
console.log("hello world");
console.log(`stdin: ${input.trim()}`);
