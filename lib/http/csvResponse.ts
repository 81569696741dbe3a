// A CSV download, streamed chunk by chunk as `chunks` yields text, so a large export never sits
// in memory at once.
export function csvResponse(fileName: string, chunks: () => AsyncGenerator<string>): Response {
  const encoder = new TextEncoder();
  const source = chunks();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await source.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        // Headers are gone: all we can do is cut the download short, visibly, and log why.
        console.error(err);
        controller.error(err);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}
