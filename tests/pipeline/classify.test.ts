// Line classification on small literal pages: the kind of each line, and the helpers the
// splitter shares with it.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { layoutOf } from '../../worker/src/pipeline/split/layout';
import { classifyLines, finishedAt, hasClauseMark } from '../../worker/src/pipeline/split/classify';
import { applyLineHints } from '../../worker/src/pipeline/split/hints';
import type { Kind } from '../../worker/src/pipeline/split/model';
import { endsWithCredit, isBylineLine, isChromeLine, isLinkListHeader, isPageFurniture, isPersonName, matchDateline } from '../../worker/src/pipeline/patterns';

const kindsOf = (page: string[]): Kind[] => {
  const { lines } = cleanText(page.join('\n'));
  return classifyLines(lines, layoutOf(lines)).map((fact) => fact.kind);
};

// A column of body text wrapped at 13 characters, as an e-paper PDF copy comes out.
const COLUMN = [
  '全国人大代表伍映方来到竹刻',
  '工作室，了解非遗竹刻技艺的',
  '传承情况。伍映方说，非遗竹',
  '刻需要更多年轻人传承，今年',
  '她打算提交一份关于加强非遗',
  '技艺传承与保护的建议。',
];

describe('classifyLines: column text', () => {
  it('reads a headline and byline above the column, and the column as body', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '', '本报记者 朱磊', '', ...COLUMN]);
    expect(actual).toEqual(['heading', 'blank', 'byline', 'blank', ...COLUMN.map(() => 'body')]);
  });

  it('keeps a byline-shaped line that goes on with an unfinished sentence as body', () => {
    const input = ['为规范非遗市场不断探索', '', ...COLUMN.slice(0, 5), '本报记者 朱磊', '技艺传承与保护的建议。'];
    const actual = kindsOf(input);
    expect(actual[7]).toBe('body');
    expect(actual[0]).toBe('heading');
  });

  it('marks a running head after a finished paragraph as furniture', () => {
    const actual = kindsOf([...COLUMN, '重庆日报 7月12日', ...COLUMN]);
    expect(actual[COLUMN.length]).toBe('chrome');
    expect(actual.filter((kind) => kind === 'chrome')).toHaveLength(1);
  });

  it('marks a short block ending in a photo credit as a caption', () => {
    const actual = kindsOf([...COLUMN, '', '市民在人防工程纳凉点休息。 记者 柯俊彬 摄', '', ...COLUMN]);
    expect(actual[COLUMN.length + 1]).toBe('caption');
  });

  it('reads a ——name line under a pull quote set apart like a caption as its attribution, no headline', () => {
    const quote = '“如遇突发疾病，首尔市卫生部门将会根据用户位置信息，及时派出医护人员。”';
    const actual = kindsOf([...COLUMN, quote, '——志愿者陈晓雯', ...COLUMN]);
    expect(actual[COLUMN.length]).toBe('caption');
    expect(actual[COLUMN.length + 1]).not.toBe('heading');
  });
  it('finds the headline over a dateline also where the photo and its credited caption stand between them', () => {
    // (The seed page typeset in columns and copied with pdftotext -raw: no blank lines.)
    const page = [
      '入伏后，为满足广大市民避暑纳凉需求，我市11个区的39处人',
      '防工程纳凉点已有序向群众免费开放。此外，重庆轨道交通运营单位',
      '也在有条件的地下车站设置了140个纳凉区供市民纳凉，与2023年',
      '相比新增了13个。记者柯俊彬摄',
      '市政协党组理论学习中心组举行2024年第六',
      '次集体学习',
      '程丽华主持并讲话',
      '7月30日下午，市政协党组理论学习中心组举行2024年第六次集体学习。记',
      '者柯俊彬摄',
      '本报讯（记者陈元洪）7月30日，市政协党组理论学习中心组举',
      '行2024年第六次集体学习，深入学习贯彻党的二十届三中全会精',
      '神，研究贯彻落实举措。市政协主席、党组书记程丽华主持会议并讲',
      '话。',
      '会上，市政协党组和主席会议成员围绕主题，结合思想和工作实',
    ];
    expect(kindsOf(page).slice(3, 10)).toEqual(['caption', 'heading', 'heading', 'heading', 'caption', 'caption', 'body']);
  });

  it('reads an unfinished line over the first line of a paragraph as a headline line, not text', () => {
    // (A People's Daily page as pdftotext -raw copies it from a WeasyPrint PDF: a column's name set
    // top to bottom, 金台随 / 感, over a headline set so too. Text would run on into its next line.)
    const page = [
      '贵。中央电视台很快转播，汪老写的主题歌《我的',
      '家乡在高邮》，至今仍在传唱。',
      '2017年5月，为纪念汪曾祺逝世20周年，高',
      '邮市委宣传部邀请我主编一部汪曾祺写故乡高邮的',
      '作品总汇，全书70多万字，由江苏凤凰文艺出版',
      '社出版，书名正好用上汪老为专题片题写的“梦故',
      '乡”，后该书被评为2017年度十本“中国最美的',
      '书”之一。我主编的书终于用上汪曾祺生前亲笔写',
      '下的墨宝，再无遗憾。',
      '金台随',
      '感',
      '莫',
      '把',
      '虚',
      '功',
      '当',
      '长',
      '处',
      '9月6日，这令人想起古时那位专治驼背的庸医。 记者 赵一鸣 摄',
      '“人各有所长”，这话中听，且所言非虚。但长处和“长处”，却有区别。真才实学之“长”，自是老',
      '坑翡翠，越打磨越见光彩。可世间另有一种“长处”，实为短板的遮羞布、心虚的挡箭牌。它披锦袍',
      '招摇过市，却是败絮其中。',
    ];
    expect(kindsOf(page).slice(9, 11)).toEqual(['heading', 'heading']);
  });

  it('reads a quote cut from a sentence of the text and set large (a pull quote) as text, not as a headline', () => {
    // (From a People's Daily feature as pdftotext -raw copies it: the quote's words are in the
    // second and third lines.)
    const page = [
      '决定》。',
      '加强对党员的培训教育，提高党员素质，是巩固党的中心一环。在巩固党的同时，中共中央于1939',
      '年12月正式作出《大量吸收知识分子》的决定，此后，党员构成中出身知识分子的党员占比逐步提高。',
      '1939年10月，毛泽东发表《〈共产党人〉发刊词》，把一直“进行之中”的党的建设称为“伟大的工',
      '程”。',
      '延安革命纪念馆馆长刘妮介绍：“党的建设伟大工程的实施，为党在抗日战争中发挥中流砥柱作用提',
      '供了强有力的政治保证。”',
      '全民族抗战爆发以来，中国共产党的组织得到很大的发展。但是，广大新党员身上存在着各种非无',
      '产阶级思想。老党员要适应新形势，也需要进一步提高自己。遵义会议后，党的路线已经走上马克思主',
      '义的正确轨道，但对曾经给党的事业造成严重危害的主观主义、教条主义还没有来得及从思想上进行认',
      '真清理。这就有必要集中开展一场普遍的马克思主义思想教育运动。',
      '“中共中央于1939年12月正式作出《大量吸收知识分子》的决',
      '定，此后”',
      '1941年5月，毛泽东在延安高级干部会议上作《改造我们的学习》的报告。1942年2月，毛泽东先',
      '后作《整顿党的作风》和《反对党八股》的讲演。整风运动在全党普遍展开。全党普遍整风的内容是反',
      '对主观主义、宗派主义、党八股，以树立马克思主义的作风。整风运动贯彻“惩前毖后”和“治病救人”的方',
      '针，以达到既要弄清思想又要团结同志的目的。',
    ];
    expect(kindsOf(page).slice(11, 13)).toEqual(['body', 'body']);
  });

  it('reads the lines over a jump line saying where the text came from as the headline of the continued article', () => {
    const actual = kindsOf([...COLUMN, '守护绿水青山，共绘生态', '富民新图景', '（上接第1版）', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'heading', 'chrome']);
  });

  // The end of one story and a continued story's start, in a column of 16 characters (PDFium's copy).
  const STORY_END = [
    '钮新强表示，无论是规划设计部门，',
    '还是建设单位、地方政府，大家都将',
    '用心用情、用好政策，坚持将工程建',
    '设转化为惠民工程。',
    '展望未来，长江这条涌动着绿色',
    '动能、开放活力、发展势能的国民经',
    '济“大动脉”，将进一步助力经济社会',
    '高质量发展，为全面推进中国式现代',
    '化注入更加强劲的动力。',
  ];
  const CONTINUED = ['美丽中国行', '守护绿水青山，共绘生态富民新图景', '（接第一版） 从“靠山吃山”到“养山生金”，秦', '巴山区走出一条生态优先、绿色升级', '的路径，生态的“高颜值”转化为发展', '的“高产值”。'];

  it('reads a source note in brackets that a narrow column wrapped, after finished text, as that text\'s end', () => {
    const actual = kindsOf([...STORY_END, '（新华社北京6月12日电 新华', '社记者）', ...CONTINUED]);
    expect(actual.slice(STORY_END.length, STORY_END.length + 2)).toEqual(['body', 'body']);
  });

  it('reads the headline over text whose first line opens with the jump note as the continued article\'s', () => {
    const actual = kindsOf([...STORY_END, '（新华社北京6月12日电 新华', '社记者）', ...CONTINUED]);
    expect(actual.slice(STORY_END.length + 2)).toEqual(['heading', 'heading', 'body', 'body', 'body', 'body']);
  });

  it('leaves the text over a jump line saying where it goes as text', () => {
    const actual = kindsOf([...COLUMN, '守护绿水青山，共绘生态', '富民新图景', '（转第2版）', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 2)).not.toContain('heading');
  });

  it('reads a line wider than its column, over a one-line paragraph wider still, as a headline', () => {
    // (The short column's sentence is finished; the line cannot be a line of the wide paragraph
    // under it, whose lines before its last would be full.)
    const page = [
      '朝鲜最高领导人会见王毅',
      '本报平壤4月10日电（记者刘融）朝鲜',
      '劳动党总书记、国务委员会委员长会',
      '见了来访的中共中央政治局委员、外',
      '交部长王毅。朝方愿以朝党九大确立',
      '的宏伟蓝图为契机，同中方一道，加',
      '强高层交往，密切战略沟通，坚定相',
      '互支持，推进各自社会主义事业发展',
      '，为两国人民福祉和世界和平稳定发',
      '挥应有作用。',
      '西班牙首相桑切斯今起对我国进行正式访问',
      '应国务院总理李强邀请，西班牙首相桑切斯将于4月11日至15日对中国进行正式访问。',
      '佩德罗·桑切斯，1972年2月生于西班牙马德里，经济学及企业管理博士。2014年7月担任西班牙工',
      '人社会党总书记。2018年6月出任西班牙首相，2020年1月、2023年11月两次连任。',
      '已婚，有2女。',
    ];
    expect(kindsOf(page)[10]).toBe('heading');
  });

  it('reads lines wrapped far short of their column, over a one-line paragraph wider than they are, as a headline', () => {
    // (Type larger than the text's wraps short; the line that closes the quote goes with it.)
    const wrapped = ['“让更多人看到', '这里的盘羊”', '4月的帕米尔高原，春寒料峭。'];
    const actual = kindsOf([...COLUMN, ...wrapped, ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'heading', 'body']);
  });

  it('reads a headline of three narrow lines and the tail of a word it wrapped, over a paragraph, as a headline', () => {
    const narrow = ['西班牙首相桑', '切斯今起对我', '国进行正式访', '问'];
    const paragraph = ['应国务院总理李强邀请，', '西班牙首相桑切斯将于今天', '对中国进行正式访问。'];
    const actual = kindsOf([...COLUMN, ...narrow, ...paragraph, ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 5)).toEqual(['heading', 'heading', 'heading', 'heading', 'body']);
  });

  it('reads a line of clauses right under a headline, short of the column by about an indent, as the first of its text', () => {
    // (The lines under it run a little narrower and wider than the column, as copies' lines do.)
    const text = ['一件印金双凤罗裙，裙', '褶细密如新；一件对襟双蝶', '串枝纹绫衫，轻薄如烟，花意烂', '漫。前不久，展览在中国丝绸', '博物馆开幕。'];
    const actual = kindsOf([...COLUMN, '打开南宋衣橱的人', ...text, ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'body', 'body']);
  });
});

describe('classifyLines: captions, furniture and notes', () => {
  it('ends a caption at its credit when a column name follows it without a blank line', () => {
    const actual = kindsOf([...COLUMN, '', '图为巡视的本质是政治监督。 赵成 摄', '三峡时评', '', '好设计要兼顾美观与实用', '□ 吴浩然', '', ...COLUMN]);
    const at = COLUMN.length + 1;
    expect(actual.slice(at, at + 6)).toEqual(['caption', 'heading', 'blank', 'heading', 'byline', 'blank']);
  });

  it('reads a line of full sentences far wider than its column, standing alone, as a caption', () => {
    const actual = kindsOf([...COLUMN, '', '市民在沙坪坝区石井坡人防工程纳凉点纳凉。市民在轨道交通小龙坎车站纳凉区纳凉。', '', ...COLUMN]);
    expect(actual[COLUMN.length + 1]).toBe('caption');
  });

  it('marks editor lines and a section with its page number as furniture', () => {
    expect(isChromeLine('本版编辑：王蕾  校对：王蕾')).toBe(true);
    expect(isChromeLine('美术编辑 张弛')).toBe(true);
    expect(isChromeLine('综合12')).toBe(true);
    expect(isChromeLine('经济 13')).toBe(true);
    expect(isChromeLine('改革开放40')).toBe(false);
  });

  it.each([
    '人民日报产经 2026年4月8日 星期三 18',
    '5 要闻 人民日报 2026年4月11日 星期六',
    '2026年4月8日 星期三 人民日报 第01版：要闻',
    '2026年6月13日星期六',
    '本版责编：王云杉 版式设计：汪哲平',
    '本版责编 孟 扬 唐中科 徐 阳 版式设计 沈亦伶 第6版',
    '一版责编：胡安琪 张帅祯 二版责编：殷新宇 张安宇 三版责编：吴 刚 周 輖 王旭琛 四版责编：袁振喜 刘静文 余 璇',
    '本版责编：陈 凌 本版邮箱：rmrbpl@peopledaily.cn （来稿请注明栏目名） 5',
    '本版责编：程 红 本版邮箱 dadi@peopledaily.cn 欢迎广大读者来稿。来稿要求为原创首发，非一稿多投。',
    '版式设计：沈亦伶',
    '转第2版',
    '（下转第五版）',
    '上接第1版',
    '人民日报',
  ])('reads %j as newspaper page furniture', (input) => {
    expect(isPageFurniture(input)).toBe(true);
  });

  it.each([
    '会议于2026年4月8日在北京召开',
    '2026年4月8日，国务院总理李强同澳大利亚总理',
    '责任编辑要把好关，确保稿件质量。',
    '责任编辑：王明说，欢迎广大读者来稿。他说，稿件越多越好。',
    '转第2版的文章',
    '第五版',
    '人民日报社',
    '人民日报评论员',
  ])('reads %j as no page furniture', (input) => {
    expect(isPageFurniture(input)).toBe(false);
  });

  it('marks a running head, editors\' line and jump line as furniture right after a line cut mid-sentence', () => {
    const cut = COLUMN.slice(0, 3);
    const actual = kindsOf([...cut, '转第2版', '李强同澳大利亚总理通电话', ...cut, '版式设计：沈亦伶', ...cut, '5 要闻 人民日报 2026年4月11日 星期六', ...COLUMN]);
    expect([actual[3], actual[8], actual[12]]).toEqual(['chrome', 'chrome', 'chrome']);
  });

  it('never reads an editor\'s note in brackets as a headline, and lets a headline follow it directly', () => {
    const input = [...COLUMN, '', '(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)', '民生观察', '', '电影《你是凶手》', '在京首映', '', ...COLUMN];
    const actual = kindsOf(input);
    const at = COLUMN.length + 1;
    expect(actual.slice(at, at + 6)).toEqual(['body', 'heading', 'blank', 'heading', 'heading', 'blank']);
  });

  it('does not take a column line that stops on a word needing more (…的) for a headline', () => {
    const actual = kindsOf([...COLUMN, '', '对于碳水化合物的', '', ...COLUMN]);
    expect(actual[COLUMN.length + 1]).toBe('body');
  });
});

describe('classifyLines: web copies', () => {
  const paragraphs = ['伍映方说，非遗竹刻需要更多年轻人传承。', '今年她打算提交一份关于加强非遗技艺传承与保护的建议。'];

  it('reads a short paragraph saying what a picture shows (图为…) as a caption', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '本报记者 朱磊', paragraphs[0]!, '图为伍映方在竹刻工作室。', paragraphs[1]!]);
    expect(actual).toEqual(['heading', 'byline', 'body', 'caption', 'body']);
  });

  it('starts an article at a one-line headline right after an editor\'s credit', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '本报记者 朱磊', ...paragraphs, '（责任编辑：王蕾）', '冬令进补，不妨试试温和清润的滋补法', ...paragraphs]);
    expect(actual[5]).toBe('heading');
  });

  it('keeps a one-line heading inside an article, with no credit around it, as text where blank lines part the articles', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '本报记者 朱磊', ...paragraphs, '加强非遗技艺保护', ...paragraphs, '', '好设计要兼顾美观与实用', ...paragraphs]);
    expect(actual[4]).toBe('body');
  });

  it('leaves a lone one-line headline to the split where no blank line parts anything', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '本报记者 朱磊', ...paragraphs, '加强非遗技艺保护', ...paragraphs]);
    expect(actual[4]).toBe('heading');
  });

  it('leaves a lone one-line headline to the split where a blank line parts every paragraph', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '', '本报记者 朱磊', '', paragraphs[0]!, '', paragraphs[1]!, '', '加强非遗技艺保护', '', ...paragraphs.join('\n\n').split('\n')]);
    expect(actual[8]).toBe('heading');
  });

  it('keeps a quote\'s attribution line (——…) after text as text where no blank line parts anything', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', '本报记者 朱磊', ...paragraphs, '——人民网网友18****2', ...paragraphs]);
    expect(actual[4]).toBe('body');
  });

  it('reads a closing line (Write to …, Read more: …) as text, never as a headline', () => {
    const english = ['The ferry carried its first passengers across the bay on Monday.', 'The crossing now takes twelve minutes.'];
    const actual = kindsOf(['Harbor Ferry Returns', ...english, 'Read more: Harbor authority names new director', 'Write to Jane Doe at jane.doe@example.com']);
    expect(actual.slice(3)).toEqual(['body', 'body']);
  });

  it('reads a sentence ending in a note in brackets as text, a headline ending in one as a headline', () => {
    const actual = kindsOf(['1Password für Mac generiert Einmal-Passwörter', '1Password kostet aktuell knapp 50 Euro und setzt OS X 10.10 voraus. (bsc)', '如何“大显身手”？（读者点题·共同关注）', paragraphs[0]!]);
    expect(actual).toEqual(['heading', 'body', 'heading', 'body']);
  });

  it('keeps a headline with no text under it, at the end of a web copy, as text', () => {
    const actual = kindsOf(['为规范非遗市场不断探索', ...paragraphs, '相关专题', '非遗保护']);
    expect(actual.slice(3)).toEqual(['body', 'body']);
  });

  it('starts an article at a headline whose dateline comes after summary points (■)', () => {
    const actual = kindsOf([...paragraphs, '程丽华赴企业宣讲全会精神', '■程丽华向基层职工介绍了全面深化改革的伟大成就。', '本报讯（记者 陈元洪）7月31日，程丽华赴企业宣讲。']);
    expect(actual[2]).toBe('heading');
  });
});

describe('classifyLines: column text with no blank lines', () => {
  it('reads a narrow headline over a dateline as one, also its line ending on a word that needs more after it', () => {
    // (pdftotext -raw's copy of a rail of briefs: 立即停火止战，回到对话谈判的 stops 4 em short of the column.)
    const page = [
      '毛宁说，“我也注意到，此前日本政府进行的',
      '民调显示，大多数日本民众反对放宽武器出',
      '口限制。”',
      '毛宁表示，种种迹象表明，日本右翼势',
      '力正在推动安保政策朝着进攻性、扩张性的',
      '方向转变。日本加速“再军事化”是事实和现',
      '实，有实际的路线和行动，正在威胁地区和',
      '平稳定。国际社会必须高度警惕，坚决抵制',
      '日本“新型军国主义”的妄动。',
      '“我们敦促日方深刻反省军国主义侵略历',
      '史，在军事安全领域恪守承诺、慎重行事，',
      '不要在错误的道路上越走越远。”她说。',
      '外交部谈伊朗战事：当务之急是',
      '立即停火止战，回到对话谈判的',
      '轨道上来',
      '本报北京4月7日电 （记者褚君）外交部发',
      '言人毛宁7日在例行记者会上答问时表示，伊朗',
      '战事的根源在于美国和以色列违反国际法对伊朗',
      '发动武力袭击。当务之急是立即停火止战，回到',
      '对话谈判的轨道上来，从根本上解决问题，恢复',
      '海湾地区的和平稳定。',
      '有记者问：目前伊朗战事延宕，双方袭打不',
      '断。霍尔木兹海峡封锁引发各方担忧，推动停',
      '火、保障航道安全的呼声高涨。过去几天，美伊',
      '相互示强，也有消息称双方可能达成停火协议。',
      '中方对当前局势怎么看？',
    ];
    expect(kindsOf(page).slice(12, 16)).toEqual(['heading', 'heading', 'heading', 'body']);
  });

  it('keeps a subtitle opened by dashes under its headline out of the photo caption found by its credit under it', () => {
    const page = [
      '党的十八大以来，以习近平同志为核',
      '心的党中央高度重视媒体融合发展，',
      '作出一系列重要部署。各级主流媒体',
      '坚持移动优先策略，推动内容、技术',
      '和管理创新，传播力显著增强。',
      '7 特别报道 人民日报 2026年6月13日 星期六',
      '推动传统媒体和新兴媒体融合发展',
      '——二〇二六媒体融合发展论坛发言摘编',
      '4月23日，打造服务平台发展文化产',
      '业。 吴浩然 摄',
      '深挖内容优势提升传播效能',
      '中国社会科学院大学新闻传播学院副',
      '院长、教授黄楚新',
      '党的十八大以来，以习近平同志为核',
      '心的党中央高度重视媒体融合发展。',
    ];
    expect(kindsOf(page).slice(5, 10)).toEqual(['chrome', 'heading', 'heading', 'caption', 'caption']);
  });

  it('reads a line stopping far short of its column mid-sentence, over a sentence it does not run on into, as a headline', () => {
    // (A headline over a photo's one-sentence caption with no credit, then the story's text.)
    const page = [
      '钮新强表示，无论是规划设计部门，还是建设单',
      '位、地方政府，大家都将用心用情、用好政策，坚',
      '持将工程建设转化为惠民工程。展望未来，长江这',
      '条涌动着绿色动能、开放活力、发展势能的国民经',
      '济“大动脉”，将进一步助力经济社会高质量发展。',
      '锻造更加坚强的英雄军队',
      '毫不动摇坚持党对军队的绝对领导。',
      '一个世界上最大的马克思主义执政党，如何成功跳',
      '出治乱兴衰历史周期率、确保永远不变质不变色不',
      '变味？新时代中国共产党人在毛泽东同志当年给出',
      '“让人民来监督政府”的第一个答案基础上，给出了',
      '第二个答案，这就是“党的自我革命”。',
    ];
    expect(kindsOf(page).slice(4, 7)).toEqual(['body', 'heading', 'body']);
  });

  it('ends a caption found by its credit under a line that closes a bracket opened above it, the headline\'s last line', () => {
    // (PDFium's copy of a page's top: page number, running head, a headline over two lines, a photo's caption, text.)
    const page = [
      '9',
      '理论 人民日报 2026年4月8日 星期三',
      '以高质量共建“一带一路”助推周边命运共同体建设（深入学习贯',
      '彻习近平新时代中国特色社会主义思想）',
      '5月22日，丝路精神从绵延千年的丝绸之',
      '路发展历程中提炼升华而来。 徐静怡 摄',
      '周边命运共同体是人类命运共同',
      '体的重要组成部分。2025年4月召开',
      '的中央周边工作会议指出：“周边是',
      '实现发展繁荣的重要基础、维护国家',
      '安全的重点、运筹外交全局的首要、',
      '推动构建人类命运共同体的关键。”',
      '“十五五”规划纲要提出：“深化周边发',
      '展融合，强化共同安全，巩固战略互',
    ];
    expect(kindsOf(page).slice(2, 6)).toEqual(['heading', 'heading', 'caption', 'caption']);
  });

  it('reads the lines up to a photo credit, after a finished sentence, as a caption', () => {
    const caption = ['市民在沙坪坝区石井坡人防工程纳凉点', '纳凉。 记者 柯俊彬 摄'];
    const actual = kindsOf([...COLUMN, ...caption, ...COLUMN]);
    expect(actual.slice(COLUMN.length - 1, COLUMN.length + 3)).toEqual(['body', 'caption', 'caption', 'body']);
    // A credit wrapped onto a line of its own takes the sentence it closes, finished as it is.
    const wrapped = kindsOf([...COLUMN, '9月23日，村民赵斌善有些犹豫。', '曾亦辰摄', ...COLUMN]);
    expect(wrapped.slice(COLUMN.length - 1, COLUMN.length + 3)).toEqual(['body', 'caption', 'caption', 'body']);
  });

  it('reads a photo credit with its agency in brackets (摄（影像中国）) as ending a caption', () => {
    expect(endsWithCredit('作业。 陶维明摄（影像中国）')).toBe(true);
    expect(endsWithCredit('张 敏摄（影像中国）')).toBe(true);
  });

  it('reads a headline wrapped in a narrow column as one by the byline or dateline under it', () => {
    const narrow = ['伍映方代表——', '为规范非遗市场不断', '探索（改革再深化 奋', '进新征程·代表委员履', '职故事）'];
    const actual = kindsOf([...COLUMN, ...narrow, '本报记者 朱 磊', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 7)).toEqual(['heading', 'heading', 'heading', 'heading', 'heading', 'byline', 'body']);
    // Tails of two characters left by the narrow column do not count as lines of their own.
    const tails = ['外媒看中国', '“推动人工智', '能发展与创', '新的关键力', '量”', '——国际媒体积极评价', '中国人工智能产业蓬勃', '发展'];
    const tailed = kindsOf([...COLUMN, ...tails, '本报记者 陈尚文', ...COLUMN]);
    expect(tailed.slice(COLUMN.length, COLUMN.length + 10)).toEqual([...Array(8).fill('heading'), 'byline', 'body']);
    // A kicker's closing dashes wrapped onto a line of their own go on with the headline.
    const dashes = ['甘肃缺水地区调整“指挥', '棒”，以刚性考核压实责任', '——', '临泽县节水', '记'];
    const dashed = kindsOf([...COLUMN, ...dashes, '本报记者 曾亦辰 王锦涛', ...COLUMN]);
    expect(dashed.slice(COLUMN.length, COLUMN.length + 6)).toEqual([...Array(5).fill('heading'), 'byline']);
    // A headline in a narrow measure may break after 的, far short of the column, as text does not.
    const measure = ['把两岸关系的', '未来牢牢掌握', '在中国人自己', '手中'];
    const narrowed = kindsOf([...COLUMN, ...measure, '本报记者 钟一平', ...COLUMN]);
    expect(narrowed.slice(COLUMN.length, COLUMN.length + 5)).toEqual([...Array(4).fill('heading'), 'byline']);
    // The run goes on above lines already read as a fragment of headline (破“瓶 / 颈”) over a byline.
    const broken = ['我国文物', '保护迈向', '科学化、', '规范化、', '精细化', '——', '原创技', '术突', '破“瓶', '颈”'];
    const fragment = kindsOf([...COLUMN, ...broken, '本报记者 王珏', ...COLUMN]);
    expect(fragment.slice(COLUMN.length, COLUMN.length + 11)).toEqual([...Array(10).fill('heading'), 'byline']);
    const overDateline = kindsOf([...COLUMN, '治敲”专项行动暨传', '媒监管电视电话会', '议召开', '新华社北京2月28日电 2月', ...COLUMN]);
    expect(overDateline.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['body', 'body', 'body']); // its bracket opened above: no headline
    const whole = kindsOf([...COLUMN, '全国“打假治敲”专项行动暨传', '媒监管电视电话会', '议召开', '新华社北京2月28日电 2月', ...COLUMN]);
    expect(whole.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'heading', 'heading']);
  });

  it('reads an author\'s bare name under a headline as its byline, and a wrapped end that runs on as headline', () => {
    const actual = kindsOf([...COLUMN, '千古清音文枕琴', '杨旻蔚', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'byline', 'body']);
    // 乡村 stands together in the text: 村振兴 goes on from the line above, and the name is under the whole headline.
    const wrapped = kindsOf([...COLUMN, '让古建筑参与乡', '村振兴', '张雨暄', '古建筑是乡村的记忆，', ...COLUMN]);
    expect(wrapped.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'heading', 'byline']);
    // A headline narrow as its label over it is no name: 遇见 / 江水辽阔.
    const label = kindsOf([...COLUMN, '遇见', '江水辽阔', ...COLUMN]);
    expect(label.slice(COLUMN.length, COLUMN.length + 2)).toEqual(['heading', 'heading']);
  });

  it("reads a line under a column's short name as its headline, even as wide as the column", () => {
    const actual = kindsOf([...COLUMN, '在现场', '军营村走出绿色发展之', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'heading', 'body']);
    // A caption's credit under it does not take the headline into the caption.
    const overPhoto = kindsOf([...COLUMN, '权威发布', '内蒙古自贸试验区这样建设', '发展壮大新兴产业。 记者 孙佳怡 摄', ...COLUMN]);
    expect(overPhoto.slice(COLUMN.length, COLUMN.length + 4)).toEqual(['heading', 'heading', 'caption', 'body']);
    // Nor does a comma in the headline, where the text under the caption repeats its words.
    const text = ['日前，中国努力开创服务业高质量发展', '新局面，将为与世界各国共享服务业发', '展机遇拓展更广阔的空间。服务业扩能', '提质正当其时。'];
    const commaOverPhoto = kindsOf([...COLUMN, '和音', '服务业扩能提质，同世界共享机遇', '从更宏阔的视角看。 孙佳怡 摄', ...text]);
    expect(commaOverPhoto.slice(COLUMN.length, COLUMN.length + 4)).toEqual(['heading', 'heading', 'caption', 'body']);
    // Under other text it is the caption's first line: photo news under a short headline.
    const photoNews = kindsOf([...COLUMN, '和音', '服务业扩能提质，同世界共享机遇', '从更宏阔的视角看。 孙佳怡 摄', ...COLUMN]);
    expect(photoNews.slice(COLUMN.length + 1, COLUMN.length + 3)).toEqual(['caption', 'caption']);
    // Without the label, a short line over a caption is the caption's first line.
    const noLabel = kindsOf([...COLUMN, '内蒙古自贸试验区这样建设', '发展壮大新兴产业。 记者 孙佳怡 摄', ...COLUMN]);
    expect(noLabel.slice(COLUMN.length, COLUMN.length + 2)).toEqual(['caption', 'caption']);
    // A full line of the column under a label is the text it labels.
    const overText = kindsOf([...COLUMN, '编者按', ...COLUMN]);
    expect(overText.slice(COLUMN.length + 1, COLUMN.length + 3)).toEqual(['body', 'body']);
  });

  it('reads a headline set top to bottom, copied one character a line, as a headline', () => {
    const actual = kindsOf([...COLUMN, '莫', '把', '虚', '功', '当', '长', '处', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 8)).toEqual([...Array(7).fill('heading'), 'body']);
    // Its punctuation comes a mark a line too.
    const marked = kindsOf([...COLUMN, '“', '看', '到', '桥', '，', '就', '到', '家', '了', '”', ...COLUMN]);
    expect(marked.slice(COLUMN.length, COLUMN.length + 10)).toEqual(Array(10).fill('heading'));
    // Another reader copies it two glyphs a line, a mark besides.
    const paired = kindsOf([...COLUMN, '浙江', '义乌', '外贸', '动能', '澎湃', ...COLUMN]);
    expect(paired.slice(COLUMN.length, COLUMN.length + 6)).toEqual([...Array(5).fill('heading'), 'body']);
    const pairedMarks = kindsOf([...COLUMN, '探秘', '博物', '馆“距', '今”的', '今是', '哪年', '？', ...COLUMN]);
    expect(pairedMarks.slice(COLUMN.length, COLUMN.length + 7)).toEqual(Array(7).fill('heading'));
    // Its first line may come out whole, alone after finished text: it runs on into the glyphs.
    const wholeFirst = kindsOf([...COLUMN, '连线评论员读懂海南的“', '热”', '与“', '深”', ...COLUMN]);
    expect(wholeFirst.slice(COLUMN.length, COLUMN.length + 5)).toEqual([...Array(4).fill('heading'), 'body']);
    // A reader that copies it a column a line leaves a line ending on an opening quote, or a
    // lone mark: lines of text never do. The headline runs on until its quotes close.
    const bridge = ['从最初集资建桥到如今共同守护，', '越来越多人加入保护古桥的行列。', '一座桥能够保存百年，不只是因为', '材料坚固，更是因为大家都把它当成自', '己的桥。程阳永济桥最珍贵的价值，不', '仅在于保存完整的榫卯木构建筑形态，', '更在于它始终连接着人心。'];
    const note = ['今天收藏在博物馆里的文物、陈列在广阔大地上的遗产，都', '曾浸润于古人的日常：一座石窟、一架拱桥、一件衣服……属于', '人民的文物，由人民共同守护，又服务于人民。其中，有日复一'];
    const columns = kindsOf([...bridge, '我家门口有文物 “', '看到桥', '，', '就等于到家了”', ...note]);
    expect(columns.slice(bridge.length - 1, bridge.length + 5)).toEqual(['body', ...Array(4).fill('heading'), 'body']);
    // Digits set upright in it come a glyph or two a line too.
    const year = kindsOf([...COLUMN, '“', '人权行动看中国', '·2', '0', '2', '6 ”', ...COLUMN]);
    expect(year.slice(COLUMN.length, COLUMN.length + 6)).toEqual(Array(6).fill('heading'));
    // Text's dash (——) may wrap to a line of its own.
    const dash = kindsOf([...COLUMN.slice(0, 3), '——', ...COLUMN.slice(3)]);
    expect(dash[3]).toBe('body');
    // Two such lines are too few to tell a headline by: they are left to the other rules.
    const two = kindsOf([...COLUMN, '工', '作', ...COLUMN]);
    expect(two.slice(COLUMN.length, COLUMN.length + 2)).not.toEqual(['heading', 'heading']);
  });

  it.each(['杨旻蔚', '杨 欢', '欧阳修文'])('reads %j as a person\'s name', (input) => {
    expect(isPersonName(input)).toBe(true);
  });

  it('keeps the end of a headline after a number in the headline: 日均出入境人员达226 / 万人次', () => {
    const actual = kindsOf([...COLUMN, '清明假期全国口岸日均出入境人员达226', '万人次', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 2)).toEqual(['heading', 'heading']);
  });

  it('reads a letter\'s closing lines over the dateline of the news after it as no headline', () => {
    const actual = kindsOf([...COLUMN, '习近平', '2026年4月7日', '（新华社北京4月7日电）', '新华社北京4月7日电 近日，中共中央总书记', ...COLUMN]);
    expect(actual[COLUMN.length + 2]).not.toBe('heading');
  });

  it.each(['结香春天', '江水辽阔', '村振兴', '探访', '向好', '杨欢'])('reads %j as no person\'s name', (input) => {
    expect(isPersonName(input)).toBe(false);
  });

  it('reads the lines under a running head over a photo caption as a headline, and lines over a caption mid-page as text', () => {
    const caption = ['2月26日，经验丰富的医生手法精准、力道恰到好', '处。 记者 李明华 摄'];
    const top = kindsOf(['2026.04.08 综合', '13', '世界卫生日特别策划', '医疗＋科技 健康添动力', ...caption, ...COLUMN]);
    expect(top.slice(2, 5)).toEqual(['heading', 'heading', 'caption']);
    const middle = kindsOf([...COLUMN, '世界卫生日特别策划', '医疗＋科技 健康添动力', ...caption, ...COLUMN]);
    expect(middle.slice(COLUMN.length, COLUMN.length + 2)).not.toEqual(['heading', 'heading']);
  });

  it('keeps the headline under the running head out of the photo caption under it', () => {
    const actual = kindsOf(['2026年4月11日 星期六 人民日报 第01版：要闻', '习近平总书记会见中国国民党主席郑丽文', '习近平对郑丽文率团来访表示欢迎。 记者 杨帆 摄', ...COLUMN]);
    expect(actual.slice(0, 3)).toEqual(['chrome', 'heading', 'caption']);
  });

  it('keeps the wrapped end of a sentence over a dateline-like line as text', () => {
    const actual = kindsOf([...COLUMN.slice(0, 4), '据新华社电 记者从会上获悉，', ...COLUMN]);
    expect(actual.slice(0, 5)).toEqual(['body', 'body', 'body', 'body', 'body']);
  });

  it('reads a note wholly in brackets after text, and a page number alone, as no headline', () => {
    const actual = kindsOf([...COLUMN, '（《规定》全文见第十二版）', '2026年“一起益企”服务行动开展', '助力中小企业降本增效提质升级', '本报北京4月7日电 为帮助中小企', ...COLUMN]);
    expect(actual[COLUMN.length]).toBe('body');
    expect(isChromeLine('12')).toBe(true);
  });

  it('leaves a short headline over wider caption lines out of the caption', () => {
    const actual = kindsOf([...COLUMN, '荷花盛开', '市民在园博园荷塘边赏花拍照，留住夏日', '美好时光。 记者 柯俊彬 摄', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'caption', 'caption']);
  });

  it('does not read a paragraph opening with a dateline as a caption, even when it ends in a credit', () => {
    const actual = kindsOf([...COLUMN, '本报讯 7月30日，市民在人防工程', '纳凉点休息。 记者 柯俊彬 摄', ...COLUMN]);
    expect(actual[COLUMN.length + 1]).toBe('body');
  });

  it('reads a line of captions side by side after a finished sentence as a caption', () => {
    const actual = kindsOf([...COLUMN, '市民在人防工程纳凉点纳凉。 市民在轨道交通车站纳凉区纳凉。', ...COLUMN]);
    expect(actual.slice(COLUMN.length - 1, COLUMN.length + 2)).toEqual(['body', 'caption', 'body']);
  });

  it('reads a line much shorter than the column, after a finished sentence, over a paragraph\'s first line as a headline', () => {
    const actual = kindsOf([...COLUMN, '非遗传承有新人', '蔡煜远的竹刻工作室里，', ...COLUMN.slice(1)]);
    expect(actual.slice(COLUMN.length - 1, COLUMN.length + 3)).toEqual(['body', 'heading', 'body', 'body']);
  });

  it('keeps a paragraph\'s first line that lost its indent, over full lines, as body', () => {
    const actual = kindsOf([...COLUMN, '伍映方认为，要解决这', ...COLUMN.slice(1)]);
    expect(actual.slice(COLUMN.length - 1, COLUMN.length + 2)).toEqual(['body', 'body', 'body']);
  });

  it('reads a column name over a two-line headline with a comma, then a byline, as a headline', () => {
    const actual = kindsOf([...COLUMN, '随笔', '小家电迭代升级，', '悄然提升生活品质', '◎ 徐静怡', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 4)).toEqual(['heading', 'heading', 'heading', 'byline']);
  });

  it('reads three lines that stop short right before a dateline as headlines', () => {
    const actual = kindsOf([...COLUMN, '松下将撤出液晶面板业务', '据日本经济新闻报道，当地时间21日', '寒假将至，警惕孩子意外跌落', '本报讯（记者 徐静怡）', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['heading', 'heading', 'heading']);
  });

  it('keeps a paragraph\'s line ending on a comma, over full lines, as body', () => {
    const narrow = ['日常生活中，民营', '经济提供的服务和', '场景处处可见，民', '营经济不仅没有离', '场，而且正在走向', '更加广阔的天地。'];
    const actual = kindsOf([...narrow, '始终在场的民营企业，', ...narrow.slice(1)]);
    expect(actual[narrow.length]).toBe('body');
  });

  it('keeps a note wholly in brackets under a headline in the headline, not in the body under it', () => {
    const wide = ['全国人大代表伍映方来到竹刻工作室，了解非', '遗竹刻技艺的传承情况。伍映方说，非遗竹刻', '需要更多年轻人传承，今年她打算提交一份关', '于加强非遗技艺传承与保护的建议。'];
    const actual = kindsOf([...wide, '为规范非遗市场不断探索', '（改革再深化奋进新征程·代表委员履职故事）', ...wide]);
    expect(actual.slice(wide.length, wide.length + 3)).toEqual(['heading', 'heading', 'body']);
  });

  it('reads lines saying what a picture shows (图为…), after a finished sentence, up to their full stop as a caption', () => {
    const actual = kindsOf([...COLUMN, '图为伍映方在竹刻工作室', '端详笔筒。', ...COLUMN]);
    expect(actual.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['caption', 'caption', 'body']);
    // So are lines naming the artwork printed: the work in 《》, then its maker.
    const artwork = kindsOf([...COLUMN, '油画《颐和园之春》，作者韩景生，中国美术馆', '藏。', ...COLUMN]);
    expect(artwork.slice(COLUMN.length, COLUMN.length + 3)).toEqual(['caption', 'caption', 'body']);
    // A title in 《》 opening a sentence of text is no caption.
    const text = kindsOf([...COLUMN, '《规定》全文共五章，作为', '党内法规施行。', ...COLUMN]);
    expect(text.slice(COLUMN.length, COLUMN.length + 2)).toEqual(['body', 'body']);
  });

  it('reads side-by-side captions right after a photo credit as a caption', () => {
    // (Too long for a caption itself: seven lines of text ending in the credit.)
    const credited = [...COLUMN.slice(0, 5), '技艺传承与保护的建议', '。 记者 柯俊彬 摄'];
    const actual = kindsOf([...COLUMN, ...credited, '市民在人防工程纳凉点纳凉。 市民在轨道交通车站纳凉区纳凉。', ...COLUMN]);
    expect(actual[COLUMN.length + credited.length]).toBe('caption');
  });

  it('takes the headline under a kicker (…——) and a question with a bracketed note into the headline block', () => {
    const column = ['日常生活中，民营经济', '提供的服务和场景处处', '可见，民营经济不仅没', '有离场，而且正在走向', '更加广阔的天地。'];
    const kicked = kindsOf([...column, '伍映方代表——', '为规范非遗市场不断探索', '春意渐浓，空气中', ...column.slice(1)]);
    expect(kicked.slice(column.length, column.length + 3)).toEqual(['heading', 'heading', 'body']);
    const wide = ['全国人大代表伍映方来到竹刻工作室，了解非', '遗竹刻技艺的传承情况。伍映方说，非遗竹刻', '需要更多年轻人传承，今年她打算提交一份关', '于加强非遗技艺传承与保护的建议。'];
    const question = kindsOf([...wide, '如何“大显身手”？（读者点题）', ...wide]);
    expect(question[wide.length]).toBe('heading');
  });

  it('takes a line right over the body\'s first line into the headline block under a label', () => {
    const narrow = ['日常生活中，民营', '经济提供的服务和', '场景处处可见，民', '营经济不仅没有离', '场，而且正在走向', '更加广阔的天地。'];
    const actual = kindsOf([...narrow, '记者手记', '做一线的调研', '当选代表后，', ...narrow.slice(1)]);
    expect(actual.slice(narrow.length, narrow.length + 3)).toEqual(['heading', 'heading', 'body']);
  });

  it('does not open a headline with a reporter\'s credit in brackets after a finished sentence', () => {
    const wide = ['全国人大代表伍映方来到竹刻工作室，了解非', '遗竹刻技艺的传承情况。伍映方说，非遗竹刻', '需要更多年轻人传承，今年她打算提交一份关', '于加强非遗技艺传承与保护的建议。'];
    const actual = kindsOf([...wide, '（记者 吴齐强）', ...wide]);
    expect(actual[wide.length]).toBe('body');
  });

  it('reads a line far wider than the column right under page furniture as a caption', () => {
    const actual = kindsOf(['2023年1月6日 星期三', '跌落是儿童非致命性伤害的主要原因。我们给孩子做了颅内血肿清除术。', ...COLUMN]);
    expect(actual.slice(0, 3)).toEqual(['chrome', 'caption', 'body']);
  });

  it('reads a short line after a finished paragraph, whose words the text above prints, as that text\'s headline printed under it', () => {
    const story = ['早年，我将一斗室整理成书房，狭小、逼仄，没有窗', '户，我偏偏取了个“阳光草堂”的名字。我喜欢关上门，', '隔绝外面的一切声音，只静静地与书待在一起。', '我常说，与书同坐片刻，便会拥有一束光。这束光，', '照亮了我的生活，也照亮了我走过的每一段路途。'];
    const nextStory = ['扔掉厚重的棉袄，孃孃收拾洗刷完毕，从厨房走出，吆喝一声还在房前追', '鸡逗狗的我。孃孃背上大肚柴背篓，我飞也似的冲进柴房，取出木制金箍'];
    const under = kindsOf([...story, '与书同坐片刻', ...nextStory]);
    expect(under.slice(story.length - 1, story.length + 2)).toEqual(['body', 'heading', 'body']);
    // The same shape with words the text above never prints: a line of text, not its headline.
    const unrelated = kindsOf([...story, '春社日的社饭香', ...nextStory]);
    expect(unrelated[story.length]).toBe('body');
    // A ——name line under a quote is its attribution, even when the text names the speaker.
    const quoted = ['蔡元培先生说：“纯粹之美育，所以陶养吾人之感情，', '使有高尚纯洁之习惯。”文物是安静的老师，它把几百', '年前古人的审美判断力，凝固成一件器物，摆在你面前。', '“纯粹之美育，所以陶养吾人之感情。”'];
    expect(kindsOf([...quoted, '——蔡元培先生', ...nextStory])[quoted.length]).not.toBe('heading');
  });

  it('opens a caption at what the picture shows (图为…), and reads a line wider than the column over it as a headline', () => {
    const column = ['昆明海关数据显示，中老铁路', '通车运营以来，跨境货物贸易', '持续增长，外贸含“新”量持', '续攀升。中老铁路正成为双向', '贸易的高效通道。'];
    const actual = kindsOf([...column, '中老铁路跨境货物贸易突破800亿元', '图为中非大厦集聚了63家外资', '主体。新华社记者赵一鸣摄', ...column]);
    expect(actual.slice(column.length - 1, column.length + 4)).toEqual(['body', 'heading', 'caption', 'caption', 'body']);
  });

  it('reads an unfinished line over a paragraph\'s first line that runs on into a full line as a headline of one line', () => {
    // (As a copy of a real page gives it: the headline under the running head, then its story.)
    const page = [
      '3经济人民日报2026年4月8日星期三',
      '“投资中国就是投资长期确定性”',
      '今年前两个月，中国新设立',
      '外商投资企业8631家，同比增',
      '长14%。外资企业持续加码投资',
      '中国、深化全产业链布局，对中',
      '国经济韧性与市场机遇不断投下',
      '信任票。接受本报记者采访的国',
      '际人士、在华外企代表认为，中',
      '国持续扩大对外开放，坚定实施',
    ];
    expect(kindsOf(page).slice(0, 4)).toEqual(['chrome', 'heading', 'body', 'body']);
    // A line of English prose that stops without a mark is no headline.
    const english = ['Internet-Drafts are working documents of the Internet Engineering', 'Task Force in which each working group may take part freely and', 'distribute working documents as Internet-Drafts to all of their', 'readers at any time.'];
    expect(kindsOf(english)[0]).toBe('body');
  });

  it('takes a caption\'s line saying what the picture shows (图为…) into it, also under a name that closes a text', () => {
    // (As a copy of a real page gives it: a story's end, its author, then the next story's photo caption.)
    const page = [
      '让这本“书”的可读性越来越强。',
      '希望云冈石窟不仅成为大家的目的地，更能成',
      '为一个启迪思考、连接古今的文化现场。欢迎大家',
      '深度“打卡”云冈石窟，拍出精彩的照片，带走深刻',
      '的记忆与持久的感动。',
      '（作者为云冈研究院院长，本报记者阮可欣采',
      '访整理）',
      '李 瑞',
      '图为文物保护是需要一代代人接力投入的系统',
      '性事业。 记者 李瑞 摄',
      '前不久，中央宣传部、中国科协联合',
      '发布10位“最美科技工作者”，敦煌研究院',
      '保护研究所所长于宗仁位列其中。面对这',
    ];
    const actual = kindsOf(page);
    const caption = page.findIndex((line) => line.startsWith('图为'));
    expect(actual.slice(caption, caption + 3)).toEqual(['caption', 'caption', 'body']);
  });

  it('ends a headline where display art printed twice begins', () => {
    const page = [...COLUMN, '市政协各专门委员会召开会议', '传达学习贯彻全会精神', '纳 凉纳 凉', '避 暑避 暑', '入伏后，我市11个区的39处人防', '工程纳凉点已有序向群众免费开', '放。 记者 柯俊彬 摄', ...COLUMN];
    const actual = kindsOf(page);
    expect(actual.slice(COLUMN.length, COLUMN.length + 7)).toEqual(['heading', 'heading', 'heading', 'heading', 'caption', 'caption', 'caption']);
  });
});

describe('finishedAt', () => {
  it.each([
    [['需求旺盛。'], true],
    [['需求旺盛，'], false],
    [['扬善的利剑永不蒙尘。（记者 赵'], false],
    [['扬善的利剑永不蒙尘。（记者 赵', '成）'], true],
    [['仍在（改革', '中）'], false],
    [['——志愿者陈晓雯', '（作者为中国社会科学院学部委', '员）'], true],
  ])('says the last of %j ends a sentence: %s', (input, expected) => {
    const { lines } = cleanText(input.join('\n'));
    expect(finishedAt(lines, lines.length - 1)).toBe(expected);
  });
});

describe('hasClauseMark', () => {
  it.each([
    ['春笋香椿上桌，江南人的咬春时节', true],
    ['为规范非遗市场不断探索（改革，再深化）', false],
    ['“三进三新”显效', false],
    ['《关于加强非遗技艺传承与保护的建议》', false],
    ['（一）（二），', true],
    ['plain title', false],
  ])('says %j has a clause mark outside brackets: %s', (input, expected) => {
    expect(hasClauseMark(input)).toBe(expected);
  });
});

// The patterns run behind a cheap gate on one character; these cases hold the gates open for
// every way a pattern is written (either case, a leading space, each alternative's first word).
describe('patterns behind the classifier', () => {
  it.each([
    '责任编辑：张弛',
    '（来源：人民日报）',
    ' 来源：央视网',
    'ſhare',
    'SHARE THIS STORY',
    'Published: 2024-02-08',
    '12 min read',
    '【字号：大 中 小】',
    '返回顶部',
    '重庆日报 7月12日',
    '第3版 要闻',
    'A4 要闻',
    '2024/2/8 20:52  来源：央视网',
    'Home / Region / Economy',
    '新华网 › 文化 › 正文',
    '中国新闻网-国内',
    'Photo',
    'Continue reading the main story',
    'Comments (5 posted)',
    '8:09',
    'Current Time 0:00',
    '___',
    '* * * * *',
  ])('reads %j as page furniture', (input) => {
    expect(isChromeLine(input)).toBe(true);
  });

  it.each(['委获悉，今年上半年全市规上工业增加值同比增长8.6%，排', '7月30日下午，市政协党组理论学习中心组举行集体学习。', '共享单车'])(
    'reads %j as text',
    (input) => {
      expect(isChromeLine(input)).toBe(false);
    },
  );

  it.each(['相关新闻', 'Read more:', 'RELATED STORIES', 'most read'])('reads %j as a link-list header', (input) => {
    expect(isLinkListHeader(input)).toBe(true);
  });

  it.each(['本报记者  赵  成', '□ 郑和顺', '文/图 李明', '特约记者 王五', 'By Jane Doe and John Smith', 'By Jane Doe · Staff Writer · Published March 3, 2025'])('reads %j as a byline', (input) => {
    expect(isBylineLine(input)).toBe(true);
  });

  it.each(['Credit Suisse cuts 9,000 jobs', 'Photographers gather at the pier', 'The report was first published by Reuters.'])('finds no photo credit ending %j', (input) => {
    expect(endsWithCredit(input)).toBe(false);
  });

  it.each(['本报讯（记者 陈元洪）7月31日', '新华社北京2月28日电', '据新重庆-重庆日报讯 7月30日', '【环球时报报道】', '中央社記者台北28日電', 'WASHINGTON (Reuters) — The'])(
    'finds the dateline opening %j',
    (input) => {
      expect(matchDateline(input)).toBeDefined();
    },
  );

  it.each(['【点评】 拒绝市民建议，为何反获好评', '【关键词】 人才', '【事件】 某市拒绝了一项市民建议'])('finds no dateline in a label in black brackets opening %j', (input) => {
    expect(matchDateline(input)).toBeUndefined();
  });

  it.each([
    '市民纳凉。 记者 柯俊彬 摄',
    '（新华社记者 李贺 摄）',
    '新华社发',
    '黄炜鑫  高  森摄影报道',
    '统筹推进施工。 杨文明 吴志龙摄影报道',
    '资料图片',
    'Crowds gather. Photo by Jane Doe',
    '(Reuters/Jane Doe)',
    'Credit...Doug Mills/The New York Times',
    'United Nations peacekeepers at a camp. Credit Ashraf Shazly/Agence France-Presse — Getty Images',
    'Mark Stout/iStock/Getty Images',
    'The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters',
    '(Bild: Hersteller)',
    'Top photo by Joan Bardeletti',
  ])(
    'finds the photo credit ending %j',
    (input) => {
      expect(endsWithCredit(input)).toBe(true);
    },
  );
});

describe('classifyLines: the facts each line carries to the later steps', () => {
  const factsOf = (page: string[]) => {
    const { lines } = cleanText(page.join('\n'));
    return classifyLines(lines, layoutOf(lines));
  };

  it('reads a dateline, a credit and display art once, on the line that has them', () => {
    const facts = factsOf(['纳 凉纳 凉', '', '市民在公园树荫下乘凉。', '记者 柯俊彬 摄', '', '本报讯（记者 陈元洪）昨天，全省工业增加值同比增长。']);
    expect(facts.map((fact) => fact.doubled)).toEqual([true, false, false, false, false, false]);
    expect(facts.map((fact) => fact.credit)).toEqual([false, false, false, true, false, false]);
    expect(facts.map((fact) => fact.dateline?.dateline)).toEqual([undefined, undefined, undefined, undefined, undefined, '本报讯']);
    expect(facts[5]!.dateline?.byline).toBe('记者陈元洪');
  });

  it('gives a blank line no facts but its kind', () => {
    expect(factsOf(['标题', '', '正文。'])[1]).toEqual({ kind: 'blank', credit: false, doubled: false });
  });
});

describe("applyLineHints: a layout's word over the splitter's guess", () => {
  const facts = (...kinds: Kind[]) => kinds.map((kind) => ({ kind, credit: false, doubled: false }));

  it('takes headline type as a headline, furniture as furniture, body type as no headline', () => {
    const hinted = applyLineHints(facts('body', 'heading', 'body', 'heading', 'blank'), ['heading', 'text', 'furniture', undefined, 'heading']);
    expect(hinted.map((fact) => fact.kind)).toEqual(['heading', 'body', 'chrome', 'heading', 'blank']);
  });

  it('leaves every guess alone without hints', () => {
    expect(applyLineHints(facts('heading', 'caption'), undefined).map((fact) => fact.kind)).toEqual(['heading', 'caption']);
  });
});
