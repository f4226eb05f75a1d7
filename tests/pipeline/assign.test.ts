// Which body segment each headline goes to (split/assign.ts), on small literal column copies.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles } from '../../worker/src/pipeline/split';
import type { ArticleParts } from '../../worker/src/pipeline/split';

const split = (page: string): ArticleParts[] => splitArticles(cleanText(page).lines);
const titles = (articles: ArticleParts[]) => articles.map((article) => article.title);

describe('headlines to segments', () => {
  it('lets the text under a photo caption go on with the story above, rather than shift every section heading under it up one segment', () => {
    // Each section heading's words are in the text on both sides of it; the text under the photo
    // has no headline between it and the story's opening.
    const input = [
      '临泽县节水记',
      '',
      '本报记者 曾亦辰',
      '',
      '临泽县年均降水量不到全国平均水',
      '平的一半，节水是摆在全县面前的',
      '现实要求。',
      '',
      '村民在田间查看墒情。曾亦辰摄',
      '',
      '近年来，临泽县施行用水考核办法，',
      '用水指标怎么定，要精打细算，以考',
      '核促节水，改变就此展开。',
      '',
      '指标怎么定',
      '',
      '用水指标怎么定？精确分配到7个镇，',
      '一地一策，考核越精准，节水就越有',
      '效。',
      '',
      '效果怎么样',
      '持续推进，带来新收益',
      '',
      '地下水位回升，泉眼重新冒水，怎么',
      '看都是好事，村民算的节水账越来越',
      '明白。',
      '',
      '纳凉点开放',
      '',
      '本报讯（记者 陈元洪）入伏后，为满足广',
      '大市民避暑纳凉需求，我市11个区的39处',
      '人防工程纳凉点已有序向群众免费开放。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)[0]).toBe('临泽县节水记');
    expect(titles(actual)).not.toContain('指标怎么定');
    expect(actual[0]!.paragraphs[1]).toMatch(/^近年来，临泽县施行用水考核办法/);
    expect(titles(actual)).toContain('纳凉点开放');
  });

  it('never skips a headline back over an article on the page before it (a running head between)', () => {
    // The second dated report has no headline of its own; the headline at the top of the next page
    // is the story's under it, not the report's printed after the article in between.
    const input = [
      '春灌面积达1.7亿亩',
      '本报北京4月10日电（记者李晓晴）记者从水利部获',
      '悉：截至4月9日，全国累计春灌面积达1.7亿亩，',
      '各地春灌工作有序推进，灌区供水总体充足。',
      '本报北京4月10日电（记者王浩）记者从黄河水利委',
      '员会获悉：黄河中下游春灌全面铺开，引黄供水21.5',
      '亿立方米，满足了小麦生长期用水需求。',
      '在现场',
      '辽宁激励各级领导干部',
      '本报记者郝迎灿',
      '“建个小广场，放些健身器材”……前几天，辽宁沈阳',
      '和平区新华街道社区党委书记刘畅再次来到和平新居',
      '小区，召开协商议事会，和居民讨论空地的用途。',
      '新官理旧账，解决群众急难愁盼，是近年来辽宁推',
      '动各级领导干部担当作为的缩影。',
      '要闻人民日报2026年4月11日星期六',
      '赏春正当时消费暖意足',
      '本报记者王珂',
      '春和景明，万象更新，消费市场暖意涌动、活力迸发。',
      '4月以来，人们踏青赏花、品味尝鲜、户外休闲，赴',
      '春日之约，春日消费持续升温，为生活添彩。',
    ].join('\n');
    const actual = split(input);
    const spring = actual.find((article) => article.title === '赏春正当时消费暖意足');
    expect(spring?.paragraphs[0]).toMatch(/^春和景明/);
    const liaoning = actual.find((article) => article.title === '辽宁激励各级领导干部');
    expect(liaoning?.paragraphs.join('')).toMatch(/^“建个小广场.*担当作为的缩影。$/);
  });

  it('never joins the headline closing one page to the headline opening the next (running heads between)', () => {
    // PDFium's copy of two pages: a story whose headline is printed under its text ends page 7;
    // page 8 opens with another story's headline.
    const input = [
      '本报广州4月7日电 （记者李刚）记者4月7日从广交会组委会获',
      '悉：即将于4月15日至19日开幕的第139届广交会，将在第一期展会',
      '首次设立无人机（消费级）专区和农业无人机专区，集中展示我国低',
      '空经济创新成果。',
      '两大无人机专区展品覆盖消费娱乐与智慧农业两大领域。消费级',
      '无人机化身“天空之眼”，聚焦文旅航拍、应急照明、物流运输、消防',
      '救援等场景；农业无人机则成为“种田高手”，凭借精准喷洒、播种、',
      '施肥等功能，助力农业现代化升级。',
      '展区将重点呈现飞控系统、AI避障、新能源动力等技术突破，以',
      '及系留照明、物流运输、智能植保等多款新品。从轻量化应急救援装',
      '备到超轻型载人飞行器，从高精度植保无人机到多功能作业平台，全',
      '方位展现中国无人机产业的技术实力与场景落地能力，成为本届广交',
      '会的一大亮点。',
      '截至4月6日，本届广交会境外采购商预登记人数已超19万。',
      '第139届广交会首设无人机专区',
      '本版责编：纪雅林 张伟昊 高 尚 第7版',
      '8 文化 人民日报 2026年4月8日 星期三',
      '国网冀北电力 “绿色希冀”向新而行 能源转型再续华章',
      '绿色发展呼唤科技创新。 刘洋 摄',
      '“十五五”规划纲要明确提出，“深入实施能源安',
      '全新战略，加快构建清洁低碳安全高效的新型能源',
      '体系，建设能源强国。”',
      '预计到2030年，冀北地区风光新能源',
      '装机占比将达75%以上',
      '作为关系国家能源安全和国民经济命脉的特大',
      '型国有重点骨干企业，国家电网有限公司坚决贯彻',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)[0]).toBe('第139届广交会首设无人机专区');
    expect(titles(actual).join('|')).not.toMatch(/无人机专区.*国网冀北/);
    expect(actual[0]!.paragraphs.join('')).not.toMatch(/十五五/);
  });

  it('gives a text both the headline over it and one printed after it where it holds two articles, one under each', () => {
    // The essay about 春社饭 and the one about 种水草的人 share a segment: nothing but a paragraph
    // break parts them. The headline over the first is not the story's above (与书同坐片刻, printed under it).
    const input = [
      '生活中，有许多与书有关的细节和画面，一直',
      '驻于心里，美好又温暖。我在武警中队时，把',
      '俱乐部里的书全读了一遍，种类很庞杂。',
      '与书同坐片刻，便会拥有一束光。这束光照亮',
      '了我在不同岗位上的日子，读书让人心里亮堂',
      '。',
      '与书同坐片刻',
      '水彩《洞庭渔光曲》，作者黄铁山，中国美术馆藏。',
      '孃孃的春社饭香',
      '扔掉厚重的棉袄，孃孃收拾洗刷完毕，从厨房',
      '走出，吆喝我上山去挖社菜。春社日这天，土',
      '家人家家户户都要炊制社饭，祭祀土地神。',
      '春社饭里有社菜、腊肉和糯米，那一碗春社饭',
      '销魂摄魄，混合着泥土与草木的芬芳，我一连',
      '吃了三碗社饭。',
      '一场酥软的夜雨，润开了沿河铺排的海棠。天',
      '刚亮，我便沿着清溪河漫步，河面上有几只小',
      '船，船上的人在种水草。',
      '这位种水草的老人姓胡，他说种水草能净化水',
      '体，一天能种两亩水草，按劳计酬。',
      '告别种水草的人，我对这条古老的河流重新变',
      '得清澈充满了期待。',
      '遇见种水草的人',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['与书同坐片刻', '孃孃的春社饭香', '遇见种水草的人']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^扔掉厚重的棉袄.*我一连吃了三碗社饭。$/);
    expect(actual[2]!.paragraphs[0]).toMatch(/^一场酥软的夜雨/);
  });

  it('gives a headline printed after a text only the text since the source note that closed the story above', () => {
    // （新华社北京4月10日电） closes the brief about 桑切斯 (its last line under the photo's caption);
    // the interview under it is another text, whose headline is printed after it.
    const input = [
      '朝鲜最高领导人金正恩会见王毅',
      '本报平壤4月10日电（记者刘融）朝鲜劳动党总书记、',
      '国务委员会委员长金正恩10日在平壤会见中共中央政',
      '治局委员、外交部长王毅。',
      '金正恩表示，朝方愿同中方一道，加强高层交往，密切',
      '战略沟通，为两国人民福祉和世界和平稳定发挥应有作',
      '用。',
      '西班牙首相桑切斯今起对我国进行正式访问',
      '应国务院总理李强邀请，西班牙首相桑切斯将于4月1',
      '1日至15日对中国进行正式访问。',
      '佩德罗·桑切斯，1972年2月生于西班牙马德里，经济学及企业管理博士。2014年起任西班牙工人社会党总书记。',
      '已婚，有2女。',
      '（新华社北京4月10日电）',
      '“近年来，匈中两国在人文和经贸领域的交流都在持续',
      '深化。”匈牙利汉学家、翻译家高宝石日前在接受本报',
      '记者采访时说。',
      '从小学三年级起，高宝石就在图书馆里阅读中国故事。',
      '大学毕业时，她争取到赴天津留学、学习中文的机会。',
      '采访结束时，高宝石表达了自己的心愿：希望更多年轻',
      '人参与到匈中友好事业中来，让两国合作之路越走越宽。',
      '缘启中国',
      '“希望更多年轻人参与到匈中友好事业中来”',
      '习近平主席特使姜信治出席缅甸总统就职仪式',
      '新华社内比都4月10日电（记者张东强）当地时间4',
      '月10日，习近平主席特使、全国政协副主席姜信治在',
      '内比都出席缅甸总统就职仪式。',
    ].join('\n');
    const actual = split(input);
    const visit = actual.find((article) => article.title === '西班牙首相桑切斯今起对我国进行正式访问');
    expect(visit?.paragraphs.join('')).toMatch(/^应国务院总理李强邀请.*已婚，有2女。（新华社北京4月10日电）$/);
    const interview = actual.find((article) => article.title === '“希望更多年轻人参与到匈中友好事业中来”');
    expect(interview?.paragraphs[0]).toMatch(/^“近年来，匈中两国/);
  });
});
