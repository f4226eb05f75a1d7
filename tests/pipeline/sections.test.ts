// Second thoughts after the split (split/sections.ts), on small literal column copies: a lone
// headline taken back into the text as a section heading of the article above, or kept as a title.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles } from '../../worker/src/pipeline/split';
import type { ArticleParts } from '../../worker/src/pipeline/split';

const split = (page: string): ArticleParts[] => splitArticles(cleanText(page).lines);
const titles = (articles: ArticleParts[]) => articles.map((article) => article.title);

// A feature about spring ploughing's new tools: its byline and opening, then its sections, then what follows it.
const featurePage = (opening: string[], sections: string[], after: string[]) =>
  ['春耕用上新农具', '', '本报记者 常钦', '', ...opening, '', ...sections, ...after].join('\n');
const MODEL_SECTION_OPENING = ['给农田配上智能大脑', '', '冬小麦该不该追肥？给农田配上智', '能大脑，大模型就能按墒情给出建'];
const WATERING_SECTION = ['照料麦田按需喂水', '', '在河南太康，喷灌车照料麦田，沿', '着田垄匀速前行，按墒情给冬小麦', '按需喂水，水雾均匀地洒向拔节孕', '穗的麦苗，省水又省工。', ''];

describe('sections and articles', () => {
  it('keeps a story opening with a dateline that names no place (本报电（记者…）) as an article, however close its topic to the one above', () => {
    const input = [
      '新型合金材料助力发动机减重',
      '本报记者 王 强',
      '一种新型钛铝合金材料近日在广东佛山实现量产，',
      '可用于制造发动机的气门和叶片。与传统材料相比，',
      '这种合金密度更低、耐高温性能更好，能让发动机',
      '在更高转速下稳定运行，材料研发团队表示，下一',
      '步将把这种材料推广到航空发动机等更多领域。',
      '氢燃料发动机完成首次试车',
      '本报电 （记者 李明）近日，某研究所自主研制的',
      '氢燃料发动机在湖南完成首次整机试车。此次试车',
      '验证了发动机材料与燃烧系统的可靠性，为后续产',
      '业化应用奠定了基础。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['新型合金材料助力发动机减重', '氢燃料发动机完成首次试车']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^本报电/);
  });

  it('keeps the headline over a jump line (（接第一版）) as its story\'s, though the text it heads never uses its words', () => {
    // A story continued from page 1 repeats its headline over the jump line: a quote from the
    // story's first part, not a line cut off the text above nor a section heading of it.
    const input = [
      '数字技术赋能课堂教学',
      '本报记者 张 华',
      '在赋能学校治理上，打造教育智能大脑，聚焦政务服务、考试评',
      '价、就业服务等场景，支撑便捷服务、精准管理、科学决策。在赋能',
      '科学研究上，建设科学智能体和智能实验集群，探索人工智能驱动的',
      '科研范式变革。',
      '“一步一步往上走”',
      '（接第一版）',
      '每辆摩托车的“含金量”更高，中国摩托车不仅“卖得多”而且“卖得',
      '值”。开局之年，焕新场景持续涌现，第二艘国产大型邮轮出坞，转入',
      '码头系泊调试阶段，船厂工人们忙着最后的内装工作。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['数字技术赋能课堂教学', '“一步一步往上走”']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^每辆摩托车/);
  });

  it("keeps a feature's sections in its article when its short opening names what they are about only together", () => {
    // The opening names the robot, the model and the drone; the first section alone shares
    // nothing with it but the later sections take up its words.
    const opening = ['正当春耕，走进田间地头，新风扑', '面：会浇地的机器人、懂农事的大', '模型、能播种的无人机，忙碌在春', '耕春管一线。'];
    const sections = [
      ...WATERING_SECTION,
      ...MODEL_SECTION_OPENING,
      '议，麦田喂水、追肥都有了依据，',
      '省水又省工。',
      '',
      '播撒巡田一肩挑',
      '',
      '无人机掠过麦田，播撒肥料，再按',
      '墒情巡田，播撒巡田一肩挑，哪块',
      '麦田缺水一目了然，省水又省工。',
      '',
    ];
    const cooling = ['纳凉点开放', '', '本报讯（记者 陈元洪）入伏后，为满足广', '大市民避暑纳凉需求，我市11个区的39处', '人防工程纳凉点已有序向群众免费开放。'];
    const page = (lines: string[]) => featurePage(lines, sections, cooling);
    const actual = split(page(opening));
    expect(titles(actual)).toEqual(['春耕用上新农具', '纳凉点开放']);
    expect(actual[0]!.paragraphs).toEqual(expect.arrayContaining(['照料麦田按需喂水', '播撒巡田一肩挑']));
    // Under an opening about something else, the sections stay an article of their own.
    const other = ['城市书房延长开放时间，市民下班', '后也能来看书，周末还有读书会和', '讲座，书房里座无虚席。'];
    expect(titles(split(page(other)))).toEqual(['春耕用上新农具', '照料麦田按需喂水', '纳凉点开放']);
  });

  it('keeps a headline at the top of a page, under its running head, as a title, though the text under it never uses its words', () => {
    // A line cut off at a column's foot goes on with the text above it; a line under a running
    // head opens another page, and there is no text above it on that page to go on with.
    const input = [
      '第139届广交会首设无人机专区',
      '本报广州4月7日电（记者李刚）记者4月7日从广交会组',
      '委会获悉：第139届广交会将首次设立无人机专区，展',
      '品覆盖消费级、工业级无人机，全方位展现产业实力。',
      '要闻人民日报2026年4月8日星期三',
      '国网冀北电力向新而行',
      '“十五五”规划纲要明确提出，深入实施能源安全新战',
      '略，加快构建清洁低碳、安全高效的新型能源体系，',
      '建设能源强国，绿电与算力深度融合正走向现实。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['第139届广交会首设无人机专区', '国网冀北电力向新而行']);
    expect(actual[1]!.paragraphs[0]).toMatch(/^“十五五”规划纲要/);
  });

  it("keeps a feature's sections under its short opening even where a story nearby shares more of their words", () => {
    // The opening names the drone in passing; the report under the sections, about the same
    // fields, shares more words with them than the opening does.
    const opening = ['正当春耕，走进田间地头，新风扑', '面：会巡田的无人机，忙碌在春耕', '春管一线。', '', '新农具如何扎根泥土？记者走进田', '野，一探究竟。'];
    const sections = [
      ...WATERING_SECTION,
      ...MODEL_SECTION_OPENING,
      '议，喷灌车照料麦田按需喂水，水',
      '雾均匀地洒向拔节孕穗的麦苗。',
      '',
      '播撒巡田一肩挑',
      '',
      '无人机掠过麦田，播撒肥料，再按',
      '墒情巡田，喷灌车照料麦田按需喂',
      '水，水雾均匀地洒向拔节孕穗的麦',
      '苗，省水又省工。',
      '',
    ];
    const report = ['春灌面积过亿亩', '', '本报北京4月10日电（记者李晓晴）各地', '麦田春灌有序推进，喷灌车沿着田垄', '匀速前行，按墒情给冬小麦按需喂水，', '省水又省工，麦苗长势良好。'];
    const page = (lines: string[]) => featurePage(lines, sections, report);
    const actual = split(page(opening));
    expect(titles(actual)).toEqual(['春耕用上新农具', '春灌面积过亿亩']);
    expect(actual[0]!.paragraphs).toEqual(expect.arrayContaining(['照料麦田按需喂水', '给农田配上智能大脑']));
    // Over an opening of more paragraphs, an article's own, the nearer story decides.
    const long = [...opening, '', '各地因地制宜推广新农具，春耕', '春管有了新帮手。', '', '农技人员下田指导，新农具用得', '越来越顺手。'];
    expect(titles(split(page(long)))).toEqual(['春耕用上新农具', '照料麦田按需喂水', '春灌面积过亿亩']);
  });

  it("keeps a feature's section in it when a pull quote is printed after the section's text", () => {
    // The line after the section's text repeats its words (沿着田垄匀速前行): a pull quote, whatever
    // its place, says nothing of whether the heading over the section opens an article.
    const sections = [
      '照料麦田按需喂水', '', '在河南太康，喷灌车照料麦田，沿', '着田垄匀速前行，按墒情给冬小麦', '按需喂水，水雾均匀地洒向拔节孕', '穗的麦苗，省水又省工。', '',
      '浇地机器人沿着田垄匀速前行，', '不到半天就浇完了几十亩麦田。', '',
      '沿着田垄匀速前行', '',
      ...MODEL_SECTION_OPENING, '议，麦田喂水、追肥都有了依据，', '省水又省工。', '',
    ];
    const opening = ['正当春耕，走进田间地头，新风扑', '面：会浇地的机器人、懂农事的大', '模型、能播种的无人机，忙碌在春', '耕春管一线。'];
    const cooling = ['纳凉点开放', '', '本报讯（记者 陈元洪）入伏后，为满足广', '大市民避暑纳凉需求，我市11个区的39处', '人防工程纳凉点已有序向群众免费开放。'];
    const actual = split(featurePage(opening, sections, cooling));
    expect(titles(actual)).toEqual(['春耕用上新农具', '纳凉点开放']);
    // The section's heading over its text, the pull quote after it.
    const paragraphs = actual[0]!.paragraphs;
    expect(paragraphs.indexOf('照料麦田按需喂水')).toBeLessThan(paragraphs.findIndex((paragraph) => paragraph.startsWith('在河南太康')));
    expect(paragraphs.indexOf('沿着田垄匀速前行')).toBeGreaterThan(paragraphs.findIndex((paragraph) => paragraph.startsWith('浇地机器人')));
  });
});
