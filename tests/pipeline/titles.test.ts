// Which line of a headline is the title, and which are its kicker or subtitle, on small literal
// pages laid out as an e-paper PDF copy comes out (bare text, no layout hints).
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles } from '../../worker/src/pipeline/split';
import type { ArticleParts } from '../../worker/src/pipeline/split';

const split = (lines: string[]): ArticleParts[] => splitArticles(cleanText(lines.join('\n')).lines);

// A column about a museum's souvenirs, wrapped at 21 characters.
const MUSEUM_BODY = [
  '四川成都金沙遗址博物馆内，商周时期的金器、玉',
  '器、青铜器静静陈列。一件铜人形器的展柜前，总',
  '会围满驻足打卡的游客，它成了馆内的网红文物。',
  '博物馆紧扣铜人形器的现代感造型，设计推出了多',
  '款文创产品，让古蜀文物化作“潮品”融入大众的',
  '日常生活。游客说，这样的文创让文物不再遥远。',
];

describe('headline lines', () => {
  it('reads a headline line narrower than the one under it as a line of its own, not the start of a wrapped title', () => {
    const [actual] = split(['文物里的潮生活', '在金沙遗址博物馆感受3000年前的“萌趣”', '古蜀文物化作“潮品”融入日常', '本报记者 宋豪新', ...MUSEUM_BODY]);
    expect(actual!.kicker).toBe('文物里的潮生活');
    expect(actual!.title).toBe('在金沙遗址博物馆感受3000年前的“萌趣”古蜀文物化作“潮品”融入日常');
  });

  it('keeps a title wrapped over full lines whole, though digits make its first line look a little narrower', () => {
    const body = [
      '新华社北京2月28日电 2月',
      '27日，2025年全国“打假治敲”',
      '专项行动暨传媒监管电视电话会',
      '议召开。会议强调，要深入开展',
      '打假治敲专项行动。',
    ];
    const [actual] = split(['2025年全国“打假', '治敲”专项行动暨传', '媒监管电视电话会', '议召开', ...body]);
    expect(actual!.title).toBe('2025年全国“打假治敲”专项行动暨传媒监管电视电话会议召开');
    expect(actual!.kicker).toBeUndefined();
  });

  it('keeps the short last line of a wrapped title in the title, even where the text never uses the lines above it', () => {
    const body = [
      '层层山峦与滔滔江水之间，我国“十五五”期间',
      '开工建设的首个国家重大标志性工程——三峡水运',
      '新通道正在加紧建设。建成后，长江航运的未来',
      '将更加通畅，沿江经济发展的未来更加可期。',
    ];
    const [actual] = split(['畅连江海通达', '未来', ...body]);
    expect(actual!.title).toBe('畅连江海通达未来');
    expect(actual!.kicker).toBeUndefined();
  });
});
