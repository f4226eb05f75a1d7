// A PDF whose Chinese font is not embedded: a Type0 font with the predefined CMap UniGB-UCS2-H
// (Adobe-GB1), as many e-paper PDFs have. pdf.js can only read its text with its CMap files.
// Written by hand, since pdf-lib always embeds its fonts.

export interface PlacedLine {
  text: string;
  x: number;
  y: number;
  size: number;
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

export function makeNonEmbeddedCjkPdf(lines: PlacedLine[], pageSize: [number, number] = [520, 800]): Uint8Array {
  const content = ['BT', ...lines.map((line) => `/F1 ${line.size} Tf 1 0 0 1 ${line.x} ${line.y} Tm <${utf16Hex(line.text)}> Tj`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageSize[0]} ${pageSize[1]}] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** Lines of a short article set in one column: headline, then two paragraphs. */
export function nonEmbeddedArticle(): { lines: PlacedLine[]; expectedText: string } {
  const headline = '人防工程纳凉点免费开放';
  const first = ['入伏后，为满足广大市民避暑纳凉需求，', '我市11个区的39处人防工程纳凉点已有', '序向群众免费开放。'];
  const second = ['重庆轨道交通运营单位也在有条件的地下', '车站设置了140个纳凉区供市民纳凉。'];
  const lines: PlacedLine[] = [{ text: headline, x: 40, y: 740, size: 18 }];
  let y = 705;
  for (const paragraph of [first, second]) {
    for (const text of paragraph) {
      lines.push({ text, x: 40, y, size: 12 });
      y -= 17;
    }
    y -= 12;
  }
  return { lines, expectedText: [headline, first.join('\n'), second.join('\n')].join('\n\n') };
}
