import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../src/render/docx/zip.js';
import { readReferenceDoc } from '../../src/render/docx/reference.js';
import { renumberBookmarks } from '../../src/render/docx/reproducible.js';

describe('the zip package', () => {
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: Buffer.from('<w:document>ñ 😀 '.repeat(1000) + '</w:document>') },
  ];

  it('writes what a zip library reads, dated as asked, and reads it back', async () => {
    const bytes = writeZip(entries, new Date(Date.UTC(2026, 10, 18, 11, 6, 40)));
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(await zip.file('word/document.xml')!.async('string')).toBe(entries[1]!.data.toString());
    expect(zip.files['word/document.xml']!.date.toISOString()).toBe('2026-11-18T11:06:40.000Z');
    expect(readZip(bytes).map((e) => [e.name, e.data.toString()])).toEqual(entries.map((e) => [e.name, e.data.toString()]));
  });

  it('reads what a zip library wrote, stored or deflated, and refuses what is not a zip', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'stored', { compression: 'STORE' });
    zip.file('dir/b.txt', 'deflated '.repeat(50), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(readZip(bytes).map((e) => [e.name, e.data.toString()])).toEqual([
      ['a.txt', 'stored'],
      ['dir/b.txt', 'deflated '.repeat(50)],
    ]);
    expect(() => readZip(Buffer.from('not a zip at all, just some text long enough'))).toThrow('not a zip package');
  });

  it('refuses a reference document without styles', async () => {
    const bytes = writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }], new Date(0));
    await expect(readReferenceDoc(bytes, 'plain.docx')).rejects.toThrow('plain.docx has no styles (word/styles.xml is missing)');
    const odd = writeZip([{ name: 'word/styles.xml', data: Buffer.from('<html></html>') }], new Date(0));
    await expect(readReferenceDoc(odd, 'odd.docx')).rejects.toThrow('odd.docx: word/styles.xml is not WordprocessingML styles: its root element is <html>');
  });

  it('numbers bookmarks and TOC anchors in the order they appear', () => {
    const xml = '<w:hyperlink w:anchor="_Toc41"/><w:instrText>PAGEREF _Toc41 \\h</w:instrText><w:bookmarkStart w:name="_Toc41" w:id="41"/><w:bookmarkStart w:name="_clausula_x" w:id="7"/><w:bookmarkEnd w:id="41"/><w:bookmarkEnd w:id="7"/>';
    expect(renumberBookmarks(xml)).toBe(
      '<w:hyperlink w:anchor="_Toc1"/><w:instrText>PAGEREF _Toc1 \\h</w:instrText><w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkStart w:name="_clausula_x" w:id="2"/><w:bookmarkEnd w:id="1"/><w:bookmarkEnd w:id="2"/>',
    );
  });
});
