import { createCanvas, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { encodeOpaquePng } from "./opaquePng";

describe("opaque PNG", () => {
  it("decodes to the colours it was given, without their alpha", async () => {
    // 3 × 2 pixels, RGBA: the second row differs from the first, so the "Up" filter has work to do.
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255, 250, 240, 230, 255, 0, 0, 0, 0]);
    const image = await loadImage(encodeOpaquePng(rgba, 3, 2));
    const canvas = createCanvas(3, 2);
    canvas.getContext("2d").drawImage(image, 0, 0);
    const decoded = canvas.getContext("2d").getImageData(0, 0, 3, 2).data;
    expect(Array.from(decoded)).toEqual(Array.from(rgba).map((v, i) => (i % 4 === 3 ? 255 : v)));
  });
});
