// Which line of a headline block is the title, and which is a kicker, a column's name or a
// subtitle: small literal pages as a PDF copy gives them (no blank lines, column-width breaks).
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles } from '../../worker/src/pipeline/split';
import type { ArticleParts } from '../../worker/src/pipeline/split';

const split = (page: string): ArticleParts[] => splitArticles(cleanText(page).lines, {});

// An essay's column, wrapped at 19 characters: it talks about 虚功 and 长处, never about 金台随感.
const ESSAY = [
  '“人各有所长”，这话中听，且所言非虚。但长处',
  '和“长处”，却有区别。真才实学之“长”，自是老',
  '坑翡翠，越打磨越见光彩。可世间另有一种“长处”，',
  '实为短板的遮羞布。此等“虚功”练至炉火纯青，实',
  '干却如霜打茄秧，蔫然垂首。',
];

describe('a headline set top to bottom', () => {
  it("takes a column's name printed in the same stack off the title", () => {
    const [article] = split([...'金台随感莫把虚功当长处', ...ESSAY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual(['金台随感', '莫把虚功当长处']);
  });

  it('reads it so when the copy ran the first few characters together', () => {
    const [article] = split(['金台随', ...'感莫把虚功当长处', ...ESSAY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual(['金台随感', '莫把虚功当长处']);
  });

  it('goes on through punctuation on a line of its own, and stops at a line of several characters', () => {
    const bridge = ['在广西三江侗族自治县林溪镇程阳八寨，很多', '村民有个习惯：从外地回来，看到桥，就等于', '到家了。这座风雨桥见证了几代人的往来，村', '民们说，桥成了全村人的念想。'];
    const [article] = split([...'看到桥，就等于到家了', ...bridge].join('\n'));
    expect(article!.title).toBe('看到桥，就等于到家了');
    const note = ['今天收藏在博物馆里的文物、陈列在广阔大地', '上的遗产，都曾浸润于古人的日常。属于人民', '的文物，由人民共同守护，又服务于人民。本', '版今起推出系列报道，敬请关注。'];
    const [first] = split([...'看到桥，就等于到家了', '编者按', ...note].join('\n'));
    expect(first!.title).toBe('看到桥，就等于到家了');
    // Latin letters and digits are set across a line of the stack (AI): it goes on through them.
    const farm = ['春耕时节，田间地头处处是忙碌的身影。无人', '机飞过麦田，AI系统按需喂水施肥，农民在手', '机上就能照料麦田，春耕变得省心又省力，今', '年的收成有了新盼头。'];
    const [ploughing] = split([...'田间地头', 'AI', ...'赋能春耕', ...farm].join('\n'));
    expect(ploughing!.title).toBe('田间地头AI赋能春耕');
  });

  it('takes no name cut out of digits set across the stack', () => {
    const rice = ['春社日是古老的节日，老家至今过春社。春社', '这天，家家做社饭，孃孃们做着传承几百年的', '社饭，等着外出务工的家人回家，一起吃顿饭，', '春社饭的香味飘满了整个村子。'];
    const [article] = split(['·2026', ...'春社日春社饭', ...rice].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '·2026春社日春社饭']);
  });

  it('keeps a stacked title whole when its text talks about its first characters too', () => {
    const told = ['莫把虚功当长处，金台随感一文说，', ...ESSAY];
    const [article] = split([...'金台随感莫把虚功当长处', ...told].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '金台随感莫把虚功当长处']);
  });

  it('keeps a stacked title whole when what would be left is no longer than a name', () => {
    const [article] = split([...'金台随感长处', ...ESSAY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '金台随感长处']);
  });
});

// A story's column, wrapped at 16 characters, opening with a dateline.
const SERVICE_BODY = [
  '本报北京4月7日电 （记者刘温馨）近日，',
  '工业和信息化部会同有关部门启动“一起益',
  '企”中小企业服务行动，助力中小企业降本',
  '增效、提质升级。',
];

describe('a headline block wrapped over several lines', () => {
  it('reads a line wider than the full lines of the title under it as a kicker in smaller type', () => {
    const [article] = split(['2026年“一起益企”服务行动开展', '助力中小企业降本增', '效提质升级', ...SERVICE_BODY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual(['2026年“一起益企”服务行动开展', '助力中小企业降本增效提质升级']);
  });

  it('keeps a title whole whose full lines are all as wide and only the last is shorter', () => {
    const [article] = split(['2026年“一起益企”服务行动', '开展助力中小企业降本增效', '提质升级', ...SERVICE_BODY].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '2026年“一起益企”服务行动开展助力中小企业降本增效提质升级']);
  });

  it('reads a short line with a wider one under it as where a title ends, not as a full line', () => {
    const body = ['据新重庆-重庆日报讯 7月30日，记者从', '市经济信息委获悉，上半年重庆工业经济', '增加值同比增长8.6%，呈现“三进三新”', '特点。'];
    const [article] = split(['上半年重庆工业经济增加值', '同比增长8.6%', '“三进三新”显效', ...body].join('\n'));
    expect(article!.title).toBe('上半年重庆工业经济增加值同比增长8.6%');
  });

  it('reads a first line short of the width two full lines under it agree on as a kicker', () => {
    const body = ['新华社北京4月7日电 国务院总理李强日前', '签署国务院令，公布《国务院关于产业链供', '应链安全的规定》，自公布之日起施行。'];
    const [article] = split(['李强签署国务院令', '公布《国务院关于产', '业链供应链安全的规', '定》', ...body].join('\n'));
    expect([article!.kicker, article!.title]).toEqual(['李强签署国务院令', '公布《国务院关于产业链供应链安全的规定》']);
    // With a digit in it, whose printed width is a guess, the line is read as wrapped on, as before.
    const [guessed] = split(['李强签署国务院令1', '公布《国务院关于产', '业链供应链安全的规', '定》', ...body].join('\n'));
    expect(guessed!.title).toBe('李强签署国务院令1公布《国务院关于产业链供应链安全的规定》');
  });
});

describe("a series' name", () => {
  it('is found over a headline where a reader took it into another headline set top to bottom, one character a line', () => {
    const bridge = ['在广西三江侗族自治县林溪镇程阳八寨，很多', '村民有个习惯：从外地回来，看到桥，就等于', '到家了。这座风雨桥见证了几代人的往来，村', '民们说，桥成了全村人的念想。'];
    // (Its text talks about 文物 and 家门口 too: only the name's other printing shows it is no part of the title.)
    const pavilion = ['每逢农历闰六月，福建莆田市仙游县枫溪上的', '水阁一出，在外的乡亲们便从各地赶回来，看', '一看家门口的这件活文物，也看一看家乡的变', '化。'];
    const articles = split([...'我家门口有文物“看到桥，就等于到家了”', '李维俊', ...bridge, '我家门口有文物', '枫亭水阁牵乡愁', '李 丹', ...pavilion].join('\n'));
    const story = articles.find((article) => article.paragraphs[0]!.startsWith('每逢'));
    expect([story?.kicker, story?.title]).toEqual(['我家门口有文物', '枫亭水阁牵乡愁']);
  });

  it("is never a stack's own first line, read two characters a line", () => {
    const trade = ['“到义乌才15天，我就完成了公司注册和采购出', '货。”浙江省义乌市的中非大厦里，塞内加尔客', '商说，这里的外贸服务又快又好，订单越来越', '多。'];
    const [article] = split(['浙江', '义乌', '外贸', '动能', '澎湃', ...trade].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '浙江义乌外贸动能澎湃']);
  });
});

describe("a column's name a reader set in one line with the headline beside it", () => {
  const before = ['瓷韵流芳，世界和鸣——这，是属于景德镇', '的故事，也是属于世界的故事。'];
  const essay = ['晨起，见一文坛前辈发来图片并附文。原', '来在2008年，他同事的孩子正上小学三年', '级，请前辈题字勉励。前辈欣然提笔：“人惜', '秒秒时，海纳涓涓流。”同事将这幅字镶入镜', '框，悬于壁上，孩子日日默念。'];

  it('takes the part before the space that no text of the page uses as the name', () => {
    const articles = split([...before, '金台随感 秒秒与涓涓', ...essay].join('\n'));
    const story = articles.find((article) => article.paragraphs[0]!.startsWith('晨起'));
    expect([story?.kicker, story?.title]).toEqual(['金台随感', '秒秒与涓涓']);
  });

  it('reads a space before digits as how a reader sets scripts apart, no gap', () => {
    const articles = split([...before, '金台随感 2026年的秒秒与涓涓', ...essay].join('\n'));
    expect(articles.map((article) => article.kicker)).not.toContain('金台随感');
  });

  it('keeps the two halves of a title set apart whole, the text using both', () => {
    const coffee = ['海南的咖啡种植已有百年历史。如今，香', '飘岛外的不只是咖啡豆，还有一批本土', '咖啡品牌，走进了全国各地的商超。'];
    const articles = split([...before, '海南咖啡 香飘岛外', ...coffee].join('\n'));
    const story = articles.find((article) => article.paragraphs[0]!.startsWith('海南的'));
    expect([story?.kicker, story?.title]).toEqual([undefined, '海南咖啡香飘岛外']);
  });
});

describe("a column's name a reader set between a title's columns", () => {
  const before = ['与书同坐片刻，便会拥有一束光。这束光，', '照亮了我的生活。'];
  const rice = ['春社日是老家的节日。这天，孃孃收拾洗刷', '完毕，做了一大锅春社饭，青蒿、佛耳草和', '腊肉拌在糯米里，香味飘满整个村子。春社', '日吃春社饭，是刻在我们骨子里的乡愁。'];

  it('takes out the line between that the text never talks about, and joins the columns on either side', () => {
    const articles = split([...before, '春社日', '多味斋', '春社饭', ...rice].join('\n'));
    const story = articles.find((article) => article.paragraphs[0]!.startsWith('春社日是'));
    expect([story?.kicker, story?.title]).toEqual(['多味斋', '春社日春社饭']);
  });

  it('keeps a line between that the text talks about in the title', () => {
    const told = [...rice.slice(0, 3), '日吃春社饭，多味斋的味道是我们的乡愁。'];
    const articles = split([...before, '春社日', '多味斋', '春社饭', ...told].join('\n'));
    const story = articles.find((article) => article.paragraphs[0]!.startsWith('春社日是'));
    expect([story?.kicker, story?.title]).toEqual([undefined, '春社日多味斋春社饭']);
  });

  it('takes no line of two characters for a name: a stack read two characters a line', () => {
    const trade = ['浙江义乌的外贸订单越来越多。“到义乌才15', '天，我就完成了公司注册和采购出货。”中非', '大厦里，塞内加尔客商说，这里的外贸服务', '又快又好，生意澎湃。'];
    const [article] = split(['浙江', '义乌', '外贸', '动能', '澎湃', ...trade].join('\n'));
    expect([article!.kicker, article!.title]).toEqual([undefined, '浙江义乌外贸动能澎湃']);
  });
});

describe('a headline whose quote a reader parted', () => {
  const before = ['比分别增长5.6倍、8.3倍，主要进口自', '15个共建“一带一路”国家。“海南发展', '咖啡精深加工需要‘外援’咖啡豆补给。', '海南离东南亚国家近，又背靠国内巨大', '的消费市场，恰恰可以发挥区位优势。”', '叶剑说，封关将为咖啡产业提供成本、', '渠道、人才等多重红利。'];
  const text = ['在湖北武汉市硚口区宗关水厂，一个气', '球状的白色巨型气膜近日引起不少市民关', '注。', '“这里是宗关水厂升级改造工程，湖北省', '第一个用全封闭气膜施工的市政项目。用', '气膜将工地包裹起来，主要是为了降尘降', '噪。”项目负责人袁松介绍，气膜能降低', '30%以上的项目噪声。'];
  const story = (headline: string[]) => split([...before, ...headline, '本报记者 吴 君', ...text].join('\n')).find((article) => article.paragraphs[0]!.startsWith('在湖北'));

  it('goes on at the line that closes the quote, and the wider line set between is its kicker', () => {
    // (PDFium reads a headline set top to bottom a column at a time, the kicker's column between the title's two.)
    const article = story(['工地穿上了“', '湖北武汉水厂改造使用全封闭气膜施工', '隔音防尘罩”']);
    expect([article?.kicker, article?.title]).toEqual(['湖北武汉水厂改造使用全封闭气膜施工', '工地穿上了“隔音防尘罩”']);
  });

  it('reads a title whose quote runs on over a line no wider straight on', () => {
    const article = story(['宗关水厂改造工地穿上“', '全封闭的隔音防尘气膜', '罩”']);
    expect([article?.kicker, article?.title]).toEqual([undefined, '宗关水厂改造工地穿上“全封闭的隔音防尘气膜罩”']);
  });
});

describe("a column's name over a headline", () => {
  it('reads the lines of a headline narrower than the text under it as the title, the name as its kicker', () => {
    const before = ['年2月生于西班牙马德里，', '经济学及企业管理博士。', '2014年7月担任西班牙工人', '社会党总书记。2018年6月', '出任西班牙首相，2020年1', '月、2023年11月两次连', '任。', '已婚，有2女。', '（新华社北京4月10日', '电）'];
    const text = ['“近年来，匈中两国在人文', '和经贸领域的交流都在持续深', '化。”匈牙利汉学家、翻译家高', '宝石日前在接受本报记者专访时', '表示，与中国深化合作，有助于', '匈牙利更好地把握时代机遇。', '从小学三年级起，高宝石就'];
    const articles = split([...before, '缘启中国', '“希望更多年轻人参', '与到匈中友好事业', '中来”', ...text].join('\n'));
    const interview = articles.find((article) => article.paragraphs[0]!.startsWith('“近年来'));
    // (Its last line, 中来”, is as short as a paragraph's end: only the label and the wider text under it show it is the headline's.)
    expect([interview?.kicker, interview?.title]).toEqual(['缘启中国', '“希望更多年轻人参与到匈中友好事业中来”']);
  });

  it('takes in a headline wrapped over more lines in a narrow box', () => {
    const before = ['日本首相高市早苗今年1月突然宣布解散众议院、提前举行大选，国会两院对2026财年预算案进', '行审议的日程被迫延迟约1个月。为避免政府运转在新财年开始的时候因预算无法接续而陷入困境，日', '本国会3月底曾通过一项临时预算案。'];
    const text = ['今年1月，记录日本军国主义反人类暴行的中国电影', '《731》正式登陆韩国院线，受到广泛关注。一些韩国国民', '曾在日本731部队的残忍实验中遇害，让更多韩国同胞了解', '历史真相，是我作为一名翻译工作者的责任。因此，接到这', '部电影的韩语翻译委托时，我毫不犹豫地接受了。'];
    const articles = split([...before, '环球走笔', '七三一，', '不能忘记', '的黑暗历', '史', ...text].join('\n'));
    const essay = articles.find((article) => article.paragraphs[0]!.startsWith('今年1月'));
    expect([essay?.kicker, essay?.title]).toEqual(['环球走笔', '七三一，不能忘记的黑暗历史']);
  });

  it("reads a kicker whose closing dashes wrapped onto a line of their own as the kicker, and the lines under it as the title", () => {
    const before = ['截至4月9日，黄河流域引黄灌区累计引', '水量较去年同期有所增加，春灌进展顺', '利，累计引水283.06亿立方米。'];
    const text = ['“建个小广场，放些健身器', '材”“弄个文化角，贴一些咱们社', '区的照片”“建议增设停车位，再', '建几个充电桩”……前几天，辽', '宁一个社区的议事会上，居民们', '你一言我一语，提了不少建议。'];
    const articles = split([...before, '辽宁激励各级领导干部', '——', '解决急难愁盼彰显实', '干担当', '本报记者 郝迎灿 胡婧怡', ...text].join('\n'));
    const story = articles.find((article) => article.paragraphs[0]!.startsWith('“建个小广场'));
    expect([story?.kicker, story?.title, story?.byline]).toEqual(['辽宁激励各级领导干部——', '解决急难愁盼彰显实干担当', '本报记者 郝迎灿 胡婧怡']);
  });
});

describe('a headline over a dateline broken over two lines', () => {
  it('reads the lines over the dateline as the title, one broken after an enumeration comma too', () => {
    const before = ['如果匈中双方人员能够直接沟', '通，合作效率将会进一步提高。', '希望更多年轻人参与到匈中友好', '事业中来，从语言、技术和文化', '等层面加强交流，让匈中合作之', '路越走越宽。”'];
    const headline = ['习近平主席特使、', '全国政协副主席姜', '信治出席缅甸总统', '敏昂莱就职仪式'];
    const text = ['新华社内比都4月10日', '电 （记者张东强、黎广', '滔）当地时间2026年4月', '10日，应缅甸联邦共和国', '政府邀请，习近平主席特', '使、全国政协副主席姜信治', '在缅甸首都内比都出席缅甸', '总统敏昂莱就职仪式。同', '日，敏昂莱总统在内比都会', '见姜信治。'];
    const articles = split([...before, ...headline, ...text].join('\n'));
    const envoy = articles.find((article) => article.title.startsWith('习近平主席特使'));
    expect([envoy?.title, envoy?.dateline]).toEqual(['习近平主席特使、全国政协副主席姜信治出席缅甸总统敏昂莱就职仪式', '新华社内比都4月10日电']);
  });
});

describe('a bare personal name', () => {
  it('is the byline, never the title, where it is all of an article\'s headline', () => {
    const before = ['全国人大代表伍映方来到竹刻', '工作室，了解非遗竹刻技艺的', '传承情况。伍映方说，非遗竹', '刻需要更多年轻人传承，今年', '她打算提交一份关于加强非遗', '技艺传承与保护的建议。'];
    const text = ['民生工作千头万绪，牵涉千家', '万户。系统性、整体性、协同', '性，是认识论层面的，也是方', '法论意义上的。算算账，这是', '普通人与国家发展的联结。'];
    const articles = split([...before, '盛玉雷', '图为一处污水处理厂。 盛玉雷 摄', ...text].join('\n'));
    const story = articles.find((article) => article.paragraphs[0]!.startsWith('民生工作'));
    expect(story?.title).not.toBe('盛玉雷');
    expect(story?.byline).toBe('盛玉雷');
  });
});

