// Said before loading the rest, which takes a few seconds on a busy machine.
console.log("▸ Starting Leadlag (development)…");
const { serve } = await import("./serve");
export {};

void serve("dev");
