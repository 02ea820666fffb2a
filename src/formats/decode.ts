/**
 * Bytes of an analyst's text export → text. Strict UTF-8 first (with or without BOM), UTF-16 when
 * the file says so, Windows-1252 as Swedish Excel's fallback. Text that was decoded twice
 * ("Ã¥" for "å") or binary content is refused rather than imported as garbage.
 */
export type Decoded =
  { ok: true; text: string; encoding: string } | { ok: false; line: number; column: number; message: string };

const MOJIBAKE = /Ã[\u0080-\u00bf¤¥¶]/;

export function decodeExport(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'UTF-16LE';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'UTF-16BE';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      encoding = 'UTF-8';
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encoding = 'Windows-1252';
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return {
      ok: false,
      ...position(text, nul),
      message: `filen innehåller binära tecken: väntade text (UTF-8 eller Windows-1252), fann NUL-tecken`,
    };
  const garbled = MOJIBAKE.exec(text);
  if (garbled)
    return {
      ok: false,
      ...position(text, garbled.index),
      message: `teckenkodningen ser fel ut: "${garbled[0]}" är troligen ett å, ä eller ö som kodats två gånger; spara filen som UTF-8 eller Windows-1252`,
    };
  return { ok: true, text, encoding };
}

export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
