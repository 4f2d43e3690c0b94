import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../renderer/src/api/client';

describe('work put off until the next frame is drawn', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('waits for the frame, then a task after it', async () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('document', { visibilityState: 'visible' });
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    const p = afterNextPaint();
    vi.advanceTimersByTime(50);
    expect(await settled(p)).toBe(false);
    frames.shift()!();
    expect(await settled(p)).toBe(false);
    vi.advanceTimersByTime(0);
    expect(await settled(p)).toBe(true);
  });

  it('does not wait on a hidden page, which draws no frames', async () => {
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    vi.stubGlobal('requestAnimationFrame', () => 0);
    expect(await settled(afterNextPaint())).toBe(true);
  });

  it('gives up waiting after 100 ms if no frame comes', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('document', { visibilityState: 'visible' });
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const p = afterNextPaint();
    vi.advanceTimersByTime(100);
    expect(await settled(p)).toBe(true);
  });
});
