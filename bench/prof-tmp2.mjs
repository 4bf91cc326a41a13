import { indexShard } from "../src/search/gram-shard.mjs";
import { readFileSync } from "node:fs";
const texts = JSON.parse(readFileSync("/tmp/s14/texts.json", "utf8"));
let t = performance.now(); const c0 = process.cpuUsage();
const shard = indexShard(texts.map((x) => ({ title: "标题", pieces: [x] })));
console.log("indexShard", performance.now() - t, process.cpuUsage(c0), shard.keys.length);
