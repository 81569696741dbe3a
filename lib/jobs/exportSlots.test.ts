// The server's export slots: at most `size` at work, the rest served in the order they asked,
// a slot passed straight on so nobody overtakes the queue, and given back however work ends.
import { describe, expect, it } from "vitest";
import { ExportSlots } from "./exportSlots";

const tick = () => new Promise((r) => setImmediate(r));

describe("export slots", () => {
  it("starts at most `size` exports at once and the others in the order they asked", async () => {
    const slots = new ExportSlots(2);
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const work = (name: string) =>
      slots.run(
        () =>
          new Promise<void>((resolve) => {
            started.push(name);
            finish.set(name, resolve);
          }),
      );
    const all = ["a", "b", "c", "d", "e"].map(work);
    await tick();
    expect(started).toEqual(["a", "b"]);
    expect([slots.busy, slots.waiting]).toEqual([2, 3]);
    expect(slots.hasFree()).toBe(false);

    finish.get("b")!();
    await tick();
    expect(started).toEqual(["a", "b", "c"]);
    finish.get("a")!();
    finish.get("c")!();
    await tick();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    finish.get("d")!();
    finish.get("e")!();
    await Promise.all(all);
    expect([slots.busy, slots.waiting, slots.hasFree()]).toEqual([0, 0, true]);
  });

  it("gives the slot back when the work fails, and a release counts once", async () => {
    const slots = new ExportSlots(1);
    await expect(slots.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(slots.busy).toBe(0);
    const release = await slots.acquire();
    release();
    release();
    expect(slots.busy).toBe(0);
    const again = await slots.acquire();
    expect(slots.busy).toBe(1);
    again();
  });

  it("lets nobody overtake a waiting export, even when a slot frees in between", async () => {
    const slots = new ExportSlots(1);
    const first = await slots.acquire();
    const order: string[] = [];
    const waiting = slots.acquire().then((r) => (order.push("waiting"), r));
    first();
    // Asked after the slot was freed, but the waiting one already holds it.
    expect(slots.hasFree()).toBe(false);
    const late = slots.acquire().then((r) => (order.push("late"), r));
    (await waiting)();
    (await late)();
    expect(order).toEqual(["waiting", "late"]);
  });

  it("needs at least one slot", () => {
    expect(() => new ExportSlots(0)).toThrow(RangeError);
  });
});
