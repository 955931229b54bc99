/**
 * Reports saved from government sites: the article found among site header, menus, breadcrumb,
 * sidebar, 相关链接, share buttons and footer; Word-generated markup (nested spans, o:p, mso-
 * styles, supportLists conditionals, &nbsp; runs, merged cells, numbers inside <p>); the declared
 * charset; publication data of the info bar; caps on odd markup. Expected values are the published
 * reports' own (06-shanghai-kewei-2024.txt and baiyunlu-2023-published.txt), written out by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import type { Report } from '../../server/src/engine/check';
import { importReport } from '../../server/src/engine/import';
import { decodeText } from '../../server/src/engine/import/decode';
import { readHtml } from '../../server/src/engine/import/readHtml';
import { example } from '../helpers';
import { cell, checked, fixturePath, importPath, legacyBytes, messages, sameCells } from './helpers';
import { deepHtml, hugeSpanHtml } from '../hostileInputs';

const T3 = '依申请公开';
const OUT = `${T3}/办理结果`;
const COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const row = (r: Report, path: string) => COLS.map((c) => cell(r, `${path}/${c}`));

/** Text of the site around the article in both fixtures: none of it may reach the source. */
const CHROME = /首页|机构概况|政务服务|当前位置|您现在的位置|相关链接|政府信息公开制度|打印|关闭窗口|分享到|微信|版权所有|ICP备|网站标识码|主办单位|字号|无障碍|请输入关键字|隐藏的批注文字|document\.write/;

test('a TRS-style page (上海市科委 2024): the article among the chrome, every cell of the published tables', () => {
  const result = importPath(fixturePath('shanghai-kewei-2024-trs.html'));
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2024, '上海市科委']);
  const r = checked(result);
  // Table 2: one four-column table, single values merged over three columns.
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/规章/${c}`)), [0, 0, 0]);
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/行政规范性文件/${c}`)), [13, 0, 55]);
  assert.deepEqual(['行政许可', '行政处罚', '行政强制', '行政事业性收费'].map((k) => cell(r, `主动公开/${k}`)), [97, 0, 0, 0]);
  // Table 3, row by row.
  assert.deepEqual(row(r, `${T3}/本年新收`), [32, 2, 0, 0, 0, 0, 34]);
  assert.deepEqual(row(r, `${T3}/上年结转`), [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(row(r, `${OUT}/予以公开`), [9, 0, 0, 0, 0, 0, 9]);
  assert.deepEqual(row(r, `${OUT}/部分公开`), [0, 0, 0, 0, 0, 0, 0]);
  for (const k of ['国家秘密', '法律行政法规禁止', '危及三安全一稳定', '保护第三方合法权益', '行政执法案卷', '行政查询事项']) assert.deepEqual(row(r, `${OUT}/不予公开/${k}`), [0, 0, 0, 0, 0, 0, 0], k);
  assert.deepEqual(row(r, `${OUT}/不予公开/三类内部事务信息`), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(r, `${OUT}/不予公开/四类过程性信息`), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(r, `${OUT}/无法提供/本机关不掌握`), [4, 0, 0, 0, 0, 0, 4]);
  assert.deepEqual(row(r, `${OUT}/无法提供/需要另行制作`), [6, 0, 0, 0, 0, 0, 6]);
  assert.deepEqual(row(r, `${OUT}/无法提供/补正后仍不明确`), [0, 0, 0, 0, 0, 0, 0]);
  for (const k of ['信访举报投诉类', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求确认或重新出具']) assert.deepEqual(row(r, `${OUT}/不予处理/${k}`), [0, 0, 0, 0, 0, 0, 0], k);
  assert.deepEqual(row(r, `${OUT}/其他处理/逾期不补正`), [8, 2, 0, 0, 0, 0, 10]);
  assert.deepEqual(row(r, `${OUT}/其他处理/逾期未缴费`), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row(r, `${OUT}/其他处理/其他`), [4, 0, 0, 0, 0, 0, 4]);
  assert.deepEqual(row(r, `${OUT}/总计`), [33, 2, 0, 0, 0, 0, 35]);
  // The published blank 总计 stays blank.
  assert.deepEqual(row(r, `${T3}/结转下年度`), [1, 0, 0, 0, 0, 0, null]);
  // Table 4 under its merged three-level header.
  const T4 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  assert.deepEqual(T4.map((c) => cell(r, `复议诉讼/行政复议/${c}`)), [1, 0, 0, 0, 1]);
  for (const k of ['未经复议直接起诉', '复议后起诉']) assert.deepEqual(T4.map((c) => cell(r, `复议诉讼/行政诉讼/${k}/${c}`)), [0, 0, 0, 0, 0]);

  // Nothing of the page around the article, nor hidden text, nor the script's document.write.
  assert.doesNotMatch(result.text.replace(/^#.*\n/gm, ''), CHROME);
  assert.doesNotMatch(result.text, /2023年上海市科委|2022年上海市科委/);
  assert.deepEqual(messages(result, 'unplaced'), '');
  // The prose: Word's list numbering (supportLists) makes sub-headings, the preface is the first paragraph.
  assert.ok(r.paragraphs.some((p) => p.part === '问题与改进' && p.heading && p.text === '主要问题'));
  assert.match(r.paragraphs.find((p) => p.part === '前言')?.text ?? '', /^根据《中华人民共和国政府信息公开条例》.*统计周期为2024年1月1日至12月31日/);
  // What was done is said: the element taken, the fuller name the page gives for the agency.
  const notes = messages(result, 'note');
  assert.match(notes, /网页正文取自元素 div\.WordSection1；其外的页眉、导航、侧栏、相关链接、页脚等（约 \d+ 字）未导入/);
  assert.match(notes, /机关 「上海市科委」 取自标题；网页的“发布机构”为 「上海市科学技术委员会」/);
});

test('a 大汉-style page saved as GB2312 (白云路街道 2023): decoded by its meta, every cell as the hand-made source', () => {
  const file = fixturePath('baiyunlu-2023-hanweb-gbk.html');
  const result = importPath(file);
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2023, '白云路街道办事处']);
  const imported = checked(result);
  sameCells(check(example('baiyunlu-2023.xxgk.yaml')).report, imported, ['其他事项/']);
  // The cells of &nbsp; only are blank, as published.
  assert.deepEqual(row(imported, `${T3}/上年结转`), [null, null, null, null, null, null, null]);
  assert.deepEqual(row(imported, `${OUT}/部分公开`), [null, null, 0, 0, 0, 0, 0]);
  // The title split over two lines of the article; the 信息公开目录 table and the layout tables are not the report.
  assert.equal(imported.title, '2023年度白云路街道办事处政府信息公开年度报告');
  assert.doesNotMatch(result.text.replace(/^#.*\n/gm, ''), CHROME);
  assert.doesNotMatch(result.text, /索引号|11150203011612345X|2022年度白云路/);
  assert.deepEqual(messages(result, 'unplaced'), '');
  const headings = imported.paragraphs.filter((p) => p.part === '总体情况' && p.heading).map((p) => p.text);
  assert.deepEqual(headings, ['加强领导，健全组织机构', '主动公开情况', '政府信息管理情况', '规范公开内容，提升信息质量', '监督保障情况（考核、评估和责任追究情况）']);
  assert.match(imported.paragraphs.find((p) => p.part === '问题与改进')?.text ?? '', /^2023年，我街道政府信息公开工作取得了新的进展/);
  // The 发布机构 of the 信息公开目录 table, in a cell beside its label.
  assert.match(messages(result, 'note'), /网页的“发布机构”为 「昆都仑区白云路街道办事处」/);
});


test('the declared charset is honoured (gb2312, gbk, big5); a page re-saved as UTF-8 with its old meta is still UTF-8', () => {
  const page = (meta: string) => `<html><head>${meta}</head><body><p>江州市交通运输局2024年政府信息公开工作年度报告</p></body></html>`;
  for (const meta of ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '<meta charset="GBK">', '<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=GB18030">']) {
    const decoded = decodeText(legacyBytes(page(meta), 'gb18030'));
    assert.equal(decoded.encoding, 'gb18030', meta);
    assert.match(decoded.text, /江州市交通运输局2024年/);
  }
  const big5 = '<html><head><meta charset="big5"></head><body><p>臺灣省政府資訊公開報告</p></body></html>';
  assert.match(decodeText(legacyBytes(big5, 'big5')).text, /臺灣省政府資訊公開報告/);
  // Declared GB2312, bytes in UTF-8: decoding as declared would give mojibake.
  const resaved = decodeText(new TextEncoder().encode(page('<meta charset="gb2312">')));
  assert.equal(resaved.encoding, 'utf-8');
  assert.match(resaved.text, /江州市交通运输局/);
  // Declared UTF-8, bytes in GBK (a CMS template's meta): the GB18030 fallback.
  assert.match(decodeText(legacyBytes(page('<meta charset="utf-8">'), 'gb18030')).text, /江州市交通运输局/);
});

test('a saved page with a .shtml name, or renamed .txt, is read as a page', () => {
  const html = '<!DOCTYPE html><html><body><div class="nav">首页 政务公开</div><div id="zoom"><p>江州市交通运输局2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作正常开展。</p><p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>7</td></tr><tr><td>行政处罚</td><td>3</td></tr><tr><td>行政强制</td><td>1</td></tr></table></div></body></html>';
  for (const kind of ['html', 'text'] as const) {
    const result = importReport({ kind, data: html });
    assert.equal(cell(checked(result), '主动公开/行政许可'), 7, kind);
    assert.doesNotMatch(result.text.replace(/^#.*\n/gm, ''), /首页/, kind);
  }
});

test('the article is chosen by its report text, not by a class name: a sidebar named "content" loses to the body holding the sections', () => {
  const sections = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  const html = `<body><div class="content"><p>通知公告</p><p>${'关于开展政务公开工作的通知。'.repeat(30)}</p></div>
    <div class="box"><h1>江州市交通运输局2024年政府信息公开工作年度报告</h1>${sections.map((s) => `<p>${s}</p><p>正文。</p>`).join('')}</div>
    <div class="footer">版权所有</div></body>`;
  const { blocks, article } = readHtml(html, sections.map((s) => s.slice(2)));
  assert.equal(article?.element, 'div.box');
  const texts = blocks.map((b) => (b.kind === 'text' ? b.text : ''));
  assert.equal(texts[0], '江州市交通运输局2024年政府信息公开工作年度报告');
  assert.ok(!texts.some((t) => /通知公告|版权所有/.test(t)));
  // Without any section title or table of numbers, a CMS container with enough text is the fallback.
  const plain = `<body><div class="nav">首页</div><div class="TRS_Editor"><p>${'正文文字。'.repeat(50)}</p></div><div class="footer">版权所有</div></body>`;
  const fallback = readHtml(plain, sections);
  assert.equal(fallback.article?.element, 'div.TRS_Editor');
  assert.ok(!fallback.blocks.some((b) => b.kind === 'text' && /首页|版权所有/.test(b.text)));
});

test('the title outside the article, above an info bar; publication data from the info bar and the meta tags', () => {
  const html = `<html><head><title>2024年政府信息公开工作年度报告_淮安市洪泽区人民政府</title><meta name="PubDate" content="2025-01-20 09:00"><meta name="ContentSource" content="淮安市洪泽区人民政府"></head><body>
    <div class="crumb">当前位置：首页 &gt; 信息公开 &gt; 年度报告</div>
    <div class="title">2024年政府信息公开工作年度报告</div>
    <div class="info">来源：本网 发布时间：2025年01月20日 浏览次数：12</div>
    <div class="con"><p>一、总体情况</p><p>2024年，我区持续推进政务公开。</p><p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>5</td></tr><tr><td>行政处罚</td><td>2</td></tr><tr><td>行政强制</td><td>0</td></tr></table><p>三、收到和处理政府信息公开申请情况</p></div>
    <div class="foot">打印本页 关闭窗口</div></body></html>`;
  const result = importReport({ kind: 'html', data: html });
  // The title names no agency; 来源 is the website ("本网"), so ContentSource gives it.
  assert.deepEqual([result.year, result.agency], [2024, '淮安市洪泽区人民政府']);
  assert.match(messages(result, 'note'), /机关 「淮安市洪泽区人民政府」 取自网页的“ContentSource”/);
  const r = checked(result);
  assert.equal(cell(r, '主动公开/行政许可'), 5);
  assert.doesNotMatch(result.text.replace(/^#.*\n/gm, ''), /当前位置|浏览次数|本网|打印本页/);

  // No title on the page but links to other years' reports above the article: the links are not
  // the title, the page's <title> is.
  const linked = `<html><head><title>江州市交通运输局2024年政府信息公开工作年度报告 - 江州市人民政府</title></head><body>
    <ul class="side"><li><a href="/1.html">江州市交通运输局2023年政府信息公开工作年度报告</a></li></ul>
    <div class="con"><p>一、总体情况</p><p>我局持续推进政务公开。</p><p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>5</td></tr><tr><td>行政处罚</td><td>2</td></tr><tr><td>行政强制</td><td>0</td></tr></table><p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;
  const fromTitle = importReport({ kind: 'html', data: linked });
  assert.deepEqual([fromTitle.year, fromTitle.agency], [2024, '江州市交通运输局']);
  assert.match(messages(fromTitle, 'note'), /正文中没有标题，标题取自网页的标题 「江州市交通运输局2024年政府信息公开工作年度报告」/);

  // An info bar inside the article is read for its data, not imported as the preface.
  const inside = `<body><div id="zoom"><h1>江州市交通运输局2024年政府信息公开工作年度报告</h1><p>发布日期：2025-01-20 10:12 来源：江州市交通局 浏览次数：<span>12</span></p>
    <p>本报告根据条例编制。</p><p>一、总体情况</p><p>2024年，我局推进政务公开。</p><p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>5</td></tr><tr><td>行政处罚</td><td>2</td></tr><tr><td>行政强制</td><td>0</td></tr></table><p>三、收到和处理政府信息公开申请情况</p></div></body>`;
  const withBar = importReport({ kind: 'html', data: inside });
  assert.equal(checked(withBar).paragraphs.find((p) => p.part === '前言')?.text, '本报告根据条例编制。');
  assert.match(messages(withBar, 'note'), /网页的“来源”为 「江州市交通局」/);
});

test('odd markup is bounded: deep nesting and huge spans finish quickly, and the cap hit is said', () => {
  const deep = deepHtml(60000);
  let t = Date.now();
  const a = importReport({ kind: 'html', data: deep });
  assert.ok(Date.now() - t < 5000, `deep nesting took ${Date.now() - t} ms`);
  assert.match(messages(a, 'note'), /网页元素嵌套过深（超过 256 层）/);
  assert.match(a.text, /深处的文字/);

  const huge = hugeSpanHtml(2000);
  t = Date.now();
  const b = importReport({ kind: 'html', data: huge });
  assert.ok(Date.now() - t < 5000, `huge spans took ${Date.now() - t} ms`);
  assert.match(messages(b, 'note'), /跨列或跨行数超过上限（跨 64 列、200 行）/);
  assert.match(messages(b, 'unplaced'), /表格超过 20000 个单元格，超出部分的行未导入/);
  const english = messages(importReport({ kind: 'html', data: huge }, { locale: 'en' }), 'note');
  assert.match(english, /beyond the caps \(64 columns, 200 rows\)/);
});
