// An EPUB 3 of chosen articles: `mimetype` first and stored, META-INF/container.xml, a package
// document (OEBPS/content.opf), a navigation document and one XHTML page per article.
import type { Article } from '../../../shared/src';
import { articleHtml, escapeXml } from './xhtml';
import type { ZipEntry } from './zip';

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

const page = (index: number) => `a${String(index + 1).padStart(3, '0')}.xhtml`;
/** An article's language as a BCP 47 tag, `und` when unknown. */
const language = (article: Article | undefined) => (article?.lang && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(article.lang) ? article.lang : 'und');

function xhtml(title: string, lang: string, body: string, extraNamespace = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"${extraNamespace} xml:lang="${lang}" lang="${lang}">
<head><meta charset="UTF-8"/><title>${escapeXml(title)}</title></head>
<body>
${body}
</body>
</html>
`;
}

export interface EpubInfo {
  /** A stable identifier of this set of articles (urn:…). */
  identifier: string;
  title: string;
  /** The time the book is made: the package's dcterms:modified. */
  modified: Date;
}

/** The EPUB's files in the order the format wants them (mimetype first). */
export function epubEntries(articles: Article[], info: EpubInfo): ZipEntry[] {
  const lang = language(articles[0]);
  const modified = info.modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const chapters = articles.map((article, index) => ({
    name: page(index),
    title: article.title || article.summary.slice(0, 40) || article.id,
    body: xhtml(article.title, language(article), `<h1>${escapeXml(article.title)}</h1>\n${articleHtml(article)}`),
  }));
  const nav = xhtml(
    info.title,
    lang,
    `<nav epub:type="toc" id="toc"><h1>${escapeXml(info.title)}</h1><ol>${chapters
      .map((chapter) => `<li><a href="${chapter.name}">${escapeXml(chapter.title)}</a></li>`)
      .join('')}</ol></nav>`,
    ' xmlns:epub="http://www.idpf.org/2007/ops"',
  );
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${escapeXml(info.identifier)}</dc:identifier>
    <dc:title>${escapeXml(info.title)}</dc:title>
    <dc:language>${lang}</dc:language>
    <meta property="dcterms:modified">${modified}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
${chapters.map((chapter, index) => `    <item id="c${index + 1}" href="${chapter.name}" media-type="application/xhtml+xml"/>`).join('\n')}
  </manifest>
  <spine>
${chapters.map((_, index) => `    <itemref idref="c${index + 1}"/>`).join('\n')}
  </spine>
</package>
`;
  return [
    { name: 'mimetype', data: 'application/epub+zip', stored: true },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/nav.xhtml', data: nav },
    ...chapters.map((chapter) => ({ name: `OEBPS/${chapter.name}`, data: chapter.body })),
  ];
}
