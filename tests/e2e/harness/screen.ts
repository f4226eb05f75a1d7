// Reads what a virtual X display (Xvfb started with -fbdir) shows: its framebuffer is a file in
// XWD format, so a test can find things on screen by colour (the toolbar's extension icon, a
// button in a real popup) and save the screen as a PNG.
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class ScreenImage {
  private constructor(
    readonly width: number,
    readonly height: number,
    private readonly pixels: Buffer,
    private readonly offset: number,
    private readonly bytesPerLine: number,
  ) {}

  /** Parses an XWD file of 32 bits per pixel in the server's byte order (Xvfb: little-endian BGRX). */
  static fromXwd(path: string): ScreenImage {
    const file = readFileSync(path);
    const headerSize = file.readUInt32BE(0);
    const width = file.readUInt32BE(16);
    const height = file.readUInt32BE(20);
    const bitsPerPixel = file.readUInt32BE(44);
    const bytesPerLine = file.readUInt32BE(48);
    const colourCount = file.readUInt32BE(76);
    if (bitsPerPixel !== 32) throw new Error(`expected a 32-bit framebuffer, got ${bitsPerPixel} bits per pixel`);
    return new ScreenImage(width, height, file, headerSize + colourCount * 12, bytesPerLine);
  }

  /** [red, green, blue] at a point. */
  rgb(x: number, y: number): [number, number, number] {
    const at = this.offset + y * this.bytesPerLine + x * 4;
    return [this.pixels[at + 2]!, this.pixels[at + 1]!, this.pixels[at]!];
  }

  /**
   * The connected regions (4-neighbour) of pixels inside `area` that `matches`, largest first,
   * as bounding boxes with their pixel counts.
   */
  regions(matches: (rgb: [number, number, number]) => boolean, area: Rect): Array<Rect & { pixels: number }> {
    const seen = new Uint8Array(area.width * area.height);
    const found: Array<Rect & { pixels: number }> = [];
    const index = (x: number, y: number) => (y - area.y) * area.width + (x - area.x);
    for (let y = area.y; y < area.y + area.height; y++) {
      for (let x = area.x; x < area.x + area.width; x++) {
        if (seen[index(x, y)] || !matches(this.rgb(x, y))) continue;
        let [minX, maxX, minY, maxY, count] = [x, x, y, y, 0];
        const stack: Array<[number, number]> = [[x, y]];
        seen[index(x, y)] = 1;
        while (stack.length > 0) {
          const [px, py] = stack.pop()!;
          count += 1;
          minX = Math.min(minX, px);
          maxX = Math.max(maxX, px);
          minY = Math.min(minY, py);
          maxY = Math.max(maxY, py);
          for (const [nx, ny] of [[px + 1, py], [px - 1, py], [px, py + 1], [px, py - 1]] as const) {
            if (nx < area.x || ny < area.y || nx >= area.x + area.width || ny >= area.y + area.height) continue;
            if (seen[index(nx, ny)] || !matches(this.rgb(nx, ny))) continue;
            seen[index(nx, ny)] = 1;
            stack.push([nx, ny]);
          }
        }
        found.push({ x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, pixels: count });
      }
    }
    return found.sort((a, b) => b.pixels - a.pixels);
  }

  /** Writes `area` (the whole screen by default) as an RGB PNG. */
  savePng(path: string, area: Rect = { x: 0, y: 0, width: this.width, height: this.height }): void {
    const rows = Buffer.alloc((area.width * 3 + 1) * area.height);
    for (let y = 0; y < area.height; y++) {
      const row = y * (area.width * 3 + 1);
      for (let x = 0; x < area.width; x++) rows.set(this.rgb(area.x + x, area.y + y), row + 1 + x * 3);
    }
    const chunk = (type: string, data: Buffer) => {
      const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const checksum = Buffer.alloc(4);
      checksum.writeUInt32BE(crc32(typed) >>> 0);
      return Buffer.concat([length, typed, checksum]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(area.width, 0);
    header.writeUInt32BE(area.height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, no interlace
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    writeFileSync(path, Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
  }
}
