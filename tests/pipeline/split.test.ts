// The splitter, stage by stage, on small literal pages. Each page is laid out the way an
// e-paper PDF copy or a web copy comes out, with only the damage the case is about.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../worker/src/pipeline/clean';
import { splitArticles, titleFromText } from '../../worker/src/pipeline/split';
import { layoutOf } from '../../worker/src/pipeline/split/layout';
import { readPage } from '../../worker/src/pipeline/split/read-page';
import type { ArticleParts } from '../../worker/src/pipeline/split';

const split = (page: string, fallbackTitle?: string): ArticleParts[] => splitArticles(cleanText(page).lines, { fallbackTitle });
const titles = (articles: ArticleParts[]) => articles.map((article) => article.title);

// A column of body text about one meeting, wrapped at 13 characters.
const MEETING_BODY = [
  '本报讯（记者 陈元洪）7月30',
  '日，市政协党组理论学习中心',
  '组举行第六次集体学习，深入',
  '学习贯彻全会精神，研究贯彻',
  '落实举措。',
  '',
  '会上，党组成员围绕主题，结',
  '合思想和工作实际，逐一作交',
  '流发言。',
].join('\n');

// A column about cooling spots, wrapped at 20 characters, with no dateline.
const COOLING_BODY = [
  '入伏后，为满足广大市民避暑纳凉需求，我市',
  '11个区的39处人防工程纳凉点已有序向群众免',
  '费开放。此外，轨道交通运营单位也在有条件',
  '的地下车站设置了140个纳凉区供市民纳凉。',
].join('\n');

// A column about the economy, wrapped at 13 characters, with no dateline.
const INDUSTRY_BODY = ['今年上半年全市规上工业增加', '值同比增长8.6%，工业经济', '发展呈现新特点。工业投资', '增长较快，工业增加值排名', '全国前列。'].join('\n');

// A short article with its headline on top and a dateline, to follow the one a test is about.
const COOLING_ARTICLE = ['纳凉点开放', '', '本报讯（记者 陈元洪）入伏后，为满足广', '大市民避暑纳凉需求，我市11个区的39处', '人防工程纳凉点已有序向群众免费开放。'];

describe('splitArticles: headlines', () => {
  it('gives a headline on top to the body under it, with the dateline and byline from the first paragraph', () => {
    const input = `市政协党组理论学习中心组\n举行第六次集体学习\n\n程丽华主持并讲话\n\n${MEETING_BODY}\n`;
    const [actual, ...rest] = split(input);
    expect(rest).toEqual([]);
    expect(actual).toMatchObject({
      title: '市政协党组理论学习中心组举行第六次集体学习',
      subtitle: '程丽华主持并讲话',
      dateline: '本报讯',
      byline: '记者陈元洪',
    });
    expect(actual!.paragraphs).toEqual([
      '本报讯（记者陈元洪）7月30日，市政协党组理论学习中心组举行第六次集体学习，深入学习贯彻全会精神，研究贯彻落实举措。',
      '会上，党组成员围绕主题，结合思想和工作实际，逐一作交流发言。',
    ]);
  });

  it('gives a headline printed under its body to that body', () => {
    const input = `纳凉点开放\n\n${COOLING_BODY}\n\n${MEETING_BODY}\n\n市政协举行集体学习\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['纳凉点开放', '市政协举行集体学习']);
    expect(actual[1]!.paragraphs[0]).toMatch(/^本报讯/);
  });

  it('reads headline art printed twice (纳 凉纳 凉) once, and keeps photo news whole', () => {
    const input = `纳 凉纳 凉\n避 暑避 暑\n\n${COOLING_BODY.replace(/。$/, '。 记者 柯俊彬 摄')}\n`;
    const [actual] = split(input);
    expect(actual!.title).toBe('纳凉避暑');
    expect(actual!.paragraphs.join('')).toMatch(/纳凉。记者柯俊彬摄$/);
  });

  it('reads photo news printed above its display headline', () => {
    const input = `${MEETING_BODY}\n\n${COOLING_BODY.replace(/。$/, '。 记者 柯俊彬 摄')}\n\n纳 凉纳 凉\n避 暑避 暑\n`;
    const actual = split(input);
    expect(titles(actual)).toContain('纳凉避暑');
    expect(actual.find((article) => article.title === '纳凉避暑')!.paragraphs.join('')).toMatch(/^入伏后/);
  });

  it('gives a headline printed after photo news back to the article above the photo', () => {
    const input = `市政协党组理论学习中心组\n举行第六次集体学习\n\n${MEETING_BODY}\n\n${INDUSTRY_BODY}\n\n${COOLING_BODY.replace(/。$/, '。 记者 柯俊彬 摄')}\n\n纳 凉纳 凉\n避 暑避 暑\n\n上半年工业增加值增长8.6%\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['市政协党组理论学习中心组举行第六次集体学习', '上半年工业增加值增长8.6%', '纳凉避暑']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^今年上半年.*全国前列。$/);
    expect(actual[2]!.paragraphs.join('')).toMatch(/^入伏后/);
  });

  it('gives a headline printed after the next article back to the body above that article', () => {
    const input = `${INDUSTRY_BODY}\n\n市政协党组理论学习中心组\n举行第六次集体学习\n\n${MEETING_BODY}\n\n上半年工业增加值增长8.6%\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['上半年工业增加值增长8.6%', '市政协党组理论学习中心组举行第六次集体学习']);
    expect(actual[0]!.paragraphs.join('')).toMatch(/^今年上半年.*全国前列。$/);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^本报讯.*交流发言。$/);
  });

  it('splits a body framed by a headline on top and one printed after it, even when the first headline barely names its story', () => {
    // The headline on top shares one word (纳凉) with its body; the one below shares none with it.
    const input = `夏日纳凉好去处\n\n${COOLING_BODY}\n\n${INDUSTRY_BODY}\n\n上半年工业增加值增长8.6%\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['夏日纳凉好去处', '上半年工业增加值增长8.6%']);
    expect(actual[0]!.paragraphs.join('')).toMatch(/^入伏后.*纳凉。$/);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^今年上半年.*全国前列。$/);
  });

  it('reads a line of full sentences standing alone under photo news as its caption', () => {
    const input = `荷 花荷 花\n盛 开盛 开\n\n连日来，园博园2万平方米的荷塘进入\n盛花期，吸引不少市民前来赏荷拍照。 记者 陈雨 摄\n\n市民在园博园荷塘边拍照。\n\n市政协党组理论学习中心组\n举行第六次集体学习\n\n${MEETING_BODY}\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['荷花盛开', '市政协党组理论学习中心组举行第六次集体学习']);
    expect(actual[0]!.captions).toEqual(['市民在园博园荷塘边拍照。']);
    expect(actual[0]!.paragraphs.join('')).toMatch(/^连日来.*记者陈雨摄$/);
  });

  it("reads a headline over nothing but a credited block as a photo story where the capture's layout placed the headlines", () => {
    const story = '4月10日，特高压直流输电工程云南段线路\n首基铁塔基础开始浇筑，标志着该工程云南\n段线路正式进入施工阶段。 杨文明 吴志龙摄影报道';
    const input = `“绿电天路”云南段开建\n\n${story}\n\n市政协党组理论学习中心组\n举行第六次集体学习\n\n${MEETING_BODY}\n`;
    const { lines } = cleanText(input);
    const headlines = new Set(['“绿电天路”云南段开建', '市政协党组理论学习中心组', '举行第六次集体学习']);
    const hints = lines.map((line) => (!line.text ? undefined : headlines.has(line.text) ? 'heading' : 'text'));
    const actual = splitArticles(lines, { hints });
    expect(titles(actual)).toEqual(['“绿电天路”云南段开建', '市政协党组理论学习中心组举行第六次集体学习']);
    expect(actual[0]!.paragraphs.join('')).toMatch(/^4月10日.*摄影报道$/);
    // In bare text the headline may be printed after its own body: there a block credited as a
    // photo (摄), not a photo story, stays a caption.
    expect(titles(split(input.replace('摄影报道', '摄')))).not.toContain('“绿电天路”云南段开建');
  });

  it('reads a line ending in a photo credit as closing its text, so a headline may follow it directly', () => {
    // A PDF copy (pdftotext -raw) of photo news, then a headline over its dateline, with no blank lines.
    const input = [
      '“建气膜花了100多万元，但你算算：因为降低了扰民影响，我',
      '们没收到一张罚单，没接到一个停工投诉；因为防雨，我们没浪费一',
      '个工时；再加上省下的防尘网、降噪设施和项目周围后期修复成本，',
      '这笔账算下来，划算又省事。”袁松说，项目完工后，气膜还可在别',
      '的项目重复利用，不会造成浪费。',
      '棉花开播 北斗“掌舵”',
      '正值棉花播种关键期，新疆昌吉回',
      '族自治州呼图壁县广泛应用“先播种、后',
      '滴水”的节水种植模式，依托北斗导航系',
      '统实现高精度直线播种，确保播行笔',
      '直、下种均匀，为全年棉花丰产丰收打',
      '下坚实基础。图为4月6日，在呼图壁县',
      '五工台镇龙王庙村，农机手驾驶搭载北',
      '斗导航系统的精量播种机开展棉花播种',
      '作业。 陶维明摄（影像中国）',
      '江西实施新规严防违',
      '规干预招标投标',
      '本报南昌4月7日电 （记者周',
      '欢）江西近日印发领导干部违规干',
      '预和插手招标投标活动登记报告制',
      '度，针对工程建设项目、政府采购',
      '项目、国有企业招标采购项目等招',
      '标投标活动全链条廉洁风险点，细',
      '化列明21类领导干部违规干预和插',
      '手招标投标活动的具体情形，为领',
      '导干部廉洁用权划出清晰“负面清',
      '单”。',
    ].join('\n');
    const actual = split(input);
    expect(actual.at(-1)!.title).toBe('江西实施新规严防违规干预招标投标');
    expect(actual.at(-1)!.paragraphs[0]).toMatch(/^本报南昌4月7日电/);
    expect(actual.at(-2)!.paragraphs.join('')).toMatch(/陶维明摄（影像中国）$/);
  });

  it("reads a caption between a short headline and running text as the article's photo, not photo news", () => {
    const input = [
      '临泽县节水记',
      '本报记者 曾亦辰 王锦涛',
      '7月20日，县水务局、科技局等部门的工作人员定期上门',
      '指导。 曾亦辰 摄',
      '“推进中国式现代化，要把水资源问题考虑进',
      '去”。抓好节水工作是摆在严重缺水地区面前的现',
      '实要求，临泽县把节水指标纳入考核，节水',
      '工作有了刚性约束。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['临泽县节水记']);
    expect(actual[0]!.paragraphs[0]).toMatch(/^“推进中国式现代化/);
    expect(actual[0]!.captions.join('')).toMatch(/^7月20日.*曾亦辰摄$/);
  });

  it('keeps every headline of a page that holds nothing but photo news', () => {
    const input = `市政协各专门委员会召开会议\n\n传达学习贯彻党的二十届三中全会精神\n\n纳 凉纳 凉\n避 暑避 暑\n\n${COOLING_BODY.replace(/。$/, '。 记者 柯俊彬 摄')}\n`;
    const [actual, ...rest] = split(input);
    expect(rest).toEqual([]);
    const headline = [actual!.kicker, actual!.title, actual!.subtitle].join('');
    for (const text of ['市政协各专门委员会召开会议', '传达学习贯彻党的二十届三中全会精神', '纳凉避暑']) expect(headline).toContain(text);
  });

  it('reads photo news with a byline between its display headline and its text', () => {
    const input = `随笔\n\n纳 凉纳 凉\n避 暑避 暑\n◎ 徐静怡\n\n${COOLING_BODY.replace(/。$/, '。 记者 柯俊彬 摄')}\n\n市政协党组理论学习中心组\n举行第六次集体学习\n\n${MEETING_BODY}\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['纳凉避暑', '市政协党组理论学习中心组举行第六次集体学习']);
    expect(actual[0]!.paragraphs.join('')).toMatch(/^入伏后.*记者柯俊彬摄$/);
    expect(actual[0]!.captions).toEqual([]);
  });

  it('keeps a lead-in ending in —— that no headline follows as part of the text', () => {
    const input = `纳凉点开放\n\n${COOLING_BODY}\n\n加快传统产业“升”的步伐——\n\n${COOLING_BODY.replace('入伏后', '此后')}\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['纳凉点开放']);
    expect(actual[0]!.paragraphs.join('')).toContain('加快传统产业“升”的步伐——此后');
  });

  it('takes a kicker ending in —— and a subtitle starting with —— as such', () => {
    const input = `伍映方代表——\n为规范非遗市场不断探索\n——代表委员履职故事\n\n${COOLING_BODY}\n`;
    const [actual] = split(input);
    expect(actual).toMatchObject({ kicker: '伍映方代表——', title: '为规范非遗市场不断探索', subtitle: '——代表委员履职故事' });
  });

  it('splits one body holding two articles where their headlines, gathered below it, say', () => {
    const input = `${MEETING_BODY}\n\n${COOLING_BODY}\n\n纳凉点向市民免费开放\n\n市政协党组举行集体学习\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['市政协党组举行集体学习', '纳凉点向市民免费开放']);
    expect(actual[0]!.paragraphs.join('')).toContain('逐一作交流发言。');
    expect(actual[1]!.paragraphs.join('')).toMatch(/^入伏后/);
  });

  it('does not take a paragraph line cut off by a column break for a headline', () => {
    const input = [
      '市政协召开专题会议',
      '',
      '会议指出，要深刻领悟“两个确立”的决定性意',
      '义，增强做好工作的思想自觉、政治自觉和行动',
      '自觉，推动各项部署落地见效。',
      '在招商局检测车辆技术研究院有限公司听取汇报',
      '',
      '情况介绍后，代表们走进实验室慰问一线职工，',
      '并叮嘱大家注意防暑降温，保障劳动权益。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['市政协召开专题会议']);
    expect(actual[0]!.paragraphs.join('')).toContain('有限公司听取汇报情况介绍后');
  });

  it('reads a headline over nothing but a caption credited as a photo story (摄影报道) as a story of its own', () => {
    const input = [
      '本报北京4月10日电（记者王政）近日，国家发展改革委会同财政部',
      '，及时向地方下达了今年第二批625亿元超长期特别国债资金，支持',
      '地方继续平稳有序实施消费品以旧换新，优化完善资金使用计划。',
      '“绿电天路”云南段开建',
      '4月10日，藏东南至粤港澳大湾区特高压直流输电工程云南段首基铁塔',
      '基础在云南贡山开始浇筑。 杨文明 吴志龙摄影报道',
      '一季度汽车出口同比增长56.7%',
      '本报北京4月10日电（记者王政）中国汽车工业协会近日发布的最新统',
      '计数据显示：一季度，汽车产销分别完成703.9万辆和704.8万辆，',
      '其中，出口222.6万辆，同比增长56.7%，汽车出口保持较快增长。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual).slice(1)).toEqual(['“绿电天路”云南段开建', '一季度汽车出口同比增长56.7%']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^4月10日，藏东南/);
  });

  it('leaves a headline printed after the text it repeats to that text, when a photo story\'s caption (摄影报道) follows it', () => {
    // (PDFium's copy of a page of briefs, each with its headline under it, and a photo story.)
    const input = [
      '习近平主席特使、全国政协副主席姜信治出席缅甸总统敏昂莱就职仪式',
      '新华社内比都4月10日电   （记者张东强、黎广滔）当地时间2026年4月10日，应缅甸联邦共和国政',
      '府邀请，习近平主席特使、全国政协副主席姜信治在缅甸首都内比都出席缅甸总统敏昂莱就职仪式。同',
      '日，敏昂莱总统在内比都会见姜信治。',
      '姜信治向敏昂莱转达了习近平主席的亲切问候和良好祝愿，表示中缅胞波情谊源远流长，双方长期',
      '和睦相处、守望相助，充分彰显了中缅命运共同体的深刻内涵。中方支持缅方走符合本国国情的发展道',
      '路，愿同缅方深化高质量共建“一带一路”合作，维护中缅边境稳定和中方在缅人员、项目安全，推动中缅',
      '命运共同体建设取得更多务实成果。',
      '敏昂莱请姜信治转达他对习近平主席的诚挚问候和良好祝愿，表示缅方感谢中方长期为缅经济社会',
      '发展提供宝贵帮助。缅方坚定奉行一个中国原则，支持中方提出的四大全球倡议，将全力保障中方在缅',
      '安全利益，愿同中方深化各领域务实合作，筑牢缅中同甘共苦的命运共同体。',
      '新华社北京4月10日电  应全国人大常委会委员长赵乐际邀请，新西兰议长布朗利将于4月12日至16日率团访华。',
      '新西兰议长将访华',
      '新华社北京4月10日电  外交部发言人4月10日宣布：应中共中央政治局委员、外交部长王毅邀请，纳米比亚国际关系与贸易部长穆萨维伊将于4月11日至18日对中国进行正式访问。',
      '纳米比亚国际关系与贸易部长穆萨维伊将访华',
      '近日，由中国交建承建的埃塞俄比亚阿瓦什棕榈度假村项目正式完工。该项目占地约138公顷，总建筑面积4514.76平方米，建设内容涵盖建筑主体、室内装修、道路工程、绿化景观及各类配套设施。作为埃塞俄比亚实施旅游强国战略的重',
      '点工程，项目投运后将推动该国旅游业提质升级。',
      '黄炜鑫  高  森摄影报道',
      '中国愿为全球海洋治理作出新的贡献',
      '新华社北京4月10日电    （记者曹嘉玥、吴梦桐）外交部发言人毛宁10日在例行记者会上答问时表',
      '示，《海洋生物多样性协定》的缔结和生效是多边主义的胜利，中国愿为全球海洋治理作出新的贡献。',
      '有记者问：《海洋生物多样性协定》已于今年1月生效。中国提名厦门申办协定秘书处。有媒体分析',
      '认为，美国尚未批准协定，且正在削减支持联合国的预算，中国借机扩大海洋治理领域的影响力。中方',
      '对此有何回应？',
      '毛宁说，多边主义的核心就在于世界上的事情大家商量着办，共同应对挑战，共享机遇繁荣，而不',
      '是你进我退、零和博弈。《海洋生物多样性协定》的缔结和生效是多边主义的胜利，是全球海洋治理的',
    ].join('\n');
    const namibia = split(input).find((article) => article.title === '纳米比亚国际关系与贸易部长穆萨维伊将访华');
    expect(namibia?.paragraphs[0]).toMatch(/^新华社北京4月10日电\s*外交部发言人/);
  });

  it('reads photo news\'s short display headline apart from the headline printed under the text above it', () => {
    // (pdftotext -raw's copy of a page: a story's end, its headline under it, then photo news.)
    const input = [
      '终于，在2025年3月，当第138次试生产的网卷从机上取下，经过严格检测，所有数据全部达标！',
      '成功带来的效益立竿见影。国产化的480目高精度印刷网成本从每平方米4万多元降至3万元左右，',
      '有力支持下游光伏产业降本增效。丝筘公司的产值也从2024年的2000万元增至2025年的8000万元。',
      '首个“众筹科研”项目的成功，激活了安平县产业升级的一池春水。如今，安平县的金属丝网自动穿经',
      '机设备研发、全自动智能围栏焊接系统研制等项目，已入围河北省第二批“众筹科研”项目。',
      '从单家企业无力突破的技术孤岛，到一套机制激活产业集群的创新生态——一卷薄如蝉翼的金属',
      '网，编织的不仅是中国高端制造的新材料，更是一条以机制创新破解产业升级难题的新路径。',
      '高质量发展在一线·小城宝藏',
      '河北安平县试水“众筹科研”',
      '小丝网织出千亿元产业链',
      '草原添生机',
      '眼下正值农牧民接春羔的关键时节，甘肃张掖肃南裕固族自治县通过精准施策、科学管护推进相关工作，一只只初生小羊羔接连降生，为广袤的草原增添生机。图为4月6日，肃南县大河乡松木滩村，羊群正在',
      '觅食。 申翌晓摄（影像中国）',
      '本报北京4月7日电 （记者刘志强）记者从国家发展改革委获悉：3月23日国内成品油价格调整以来，国际市场原油价格大幅震荡。为减缓国际油价上涨对国内的冲击，国家继续对成品油价格采取调控措施。',
      '按照成品油价格机制计算，自4月7日24时起，国内汽、柴油（标准品）价格每吨应分别上调800元、770元，调控后实际上调420元、400元。',
      '国家发展改革委将指导成品油生产销售企业全力做好成品油生产调运，保障市场稳定供应，并配合有关部门加大市场监督检查力度，严厉查处不执行国家价格政策等违法违规行为，切实维护市场秩序，保护消',
      '费者利益。',
      '国家继续对成品油价格采取调控措施',
    ].join('\n');
    const actual = split(input);
    const photo = actual.find((article) => article.title === '草原添生机');
    expect(photo?.paragraphs.join('')).toMatch(/^眼下正值农牧民接春羔/);
  });

  it('cuts two headlines between texts where the upper repeats the text above and a byline stands under the lower', () => {
    // (PDFium's copy: an essay's headline printed after it, then the next essay's headline and its author.)
    const { lines } = cleanText([
      '用实践证明了“敦煌经验”在不同材料、不',
      '同环境、不同病害的现场依然是一套站得',
      '住脚的科学方法。',
      '文物保护是需要一代代人接力投入的',
      '系统性事业。如今的敦煌研究院文物保护',
      '团队已发展成覆盖化学、材料、力学、地',
      '质、人工智能等多学科交叉的专业团队。',
      '近5年来，研究院引进一批高水平人才，',
      '培养20余名青年骨干。',
      '在于宗仁看来，把方法教会、把标准',
      '立住、把敬畏传下去，比一时一地的成绩',
      '更重要。他常对年轻同事说：“你的每一个',
      '决定，都可能成为未来某次修复的起点或',
      '终点，必须心存敬畏。”',
      '大漠的风沙仍在吹拂。从风华正茂到',
      '两鬓微霜，于宗仁是执着的坚守者，也是',
      '敏锐的探索者。在敦煌研究院，还有许多',
      '像于宗仁一样的文物保护工作者，他们用',
      '“克制”与敬畏，守护古老的敦煌从容地走',
      '向下一个千年。',
      '把敬畏传下去',
      '让美回到日常',
      '江寻千',
      '学京剧的时候，老师常带我',
      '去博物馆看戏服。不唱戏的日子',
      '里，她教我看戏服上的纹样，面',
      '料的材质、织染的浓淡、图案的',
      '摆布、绣线的疏密。不同角色有',
      '不同性格，而这靠服饰“说话”。',
      '当时的我不懂为何看这些。',
      '后来才明白，她是在教我审美。',
      '审美看不见、摸不着，但它关乎',
      '我们的日常，关乎我们的日子滋',
      '味几何。',
      '我最初复原的文物类别就是',
    ].join('\n'));
    const mains = readPage(lines, layoutOf(lines)).units.map((unit) => unit.main.text);
    expect(mains).toContain('把敬畏传下去');
    expect(mains).not.toContain('把敬畏传下去让美回到日常');
  });

  it('keeps the part of each speaker of a collection of speeches in the collection', () => {
    const input = [
      '推动传统媒体和新兴媒体融合发展',
      '——媒体融合发展论坛发言摘编',
      '',
      '近日，媒体融合发展论坛在北京举行。与会嘉宾围',
      '绕主流媒体系统性变革交流经验、分享做法。本版',
      '摘编部分发言，以飨读者。',
      '',
      '深挖内容优势提升传播效能',
      '新闻传播学院副院长、教授黄楚新',
      '',
      '党的十八大以来，媒体融合发展取得显著成效。当',
      '今，新媒体技术不断迭代，主流媒体应当抓住机遇',
      '、迎接挑战，深挖内容优势，不断提升传播效能和',
      '影响力，让正能量传得更广。',
      '（本报记者叶子整理）',
      '',
      '构建协同机制实现融合发展',
      '兰州新区工作部副部长王曙峥',
      '',
      '推动媒体融合发展是提升城市影响力、吸引青年参',
      '与发展的重要路径。兰州新区持续以内容建设为根',
      '本，构建协同机制，做强新型主流媒体，让城市故',
      '事传得更远、更响。',
      '（本报记者胡笑源整理）',
    ].join('\n');
    const actual = split(input);
    expect(actual).toHaveLength(1);
    const text = actual[0]!.paragraphs.join('');
    expect(text).toContain('深挖内容优势提升传播效能');
    expect(text).toContain('兰州新区工作部副部长王曙峥推动媒体融合发展');
  });

  it('leaves a headline naming a speaker by post its own article outside a collection', () => {
    const input = [
      '纳凉点全面开放',
      '',
      '本报讯入伏后，为满足广大市民避暑纳凉需求，我',
      '市多个区的人防工程纳凉点已有序向群众免费开放',
      '，轨道交通车站也设置了纳凉区。',
      '',
      '春耕备耕有序推进',
      '市农业农村局局长王曙峥',
      '',
      '眼下正是春耕备耕的关键时期，全市各地抢抓农时',
      '，组织农机具检修，调运种子化肥，确保粮食播种',
      '面积稳定，为全年丰收打下坚实基础。',
    ].join('\n');
    expect(split(input)).toHaveLength(2);
  });

  it('reads a name over a date alone as the signature closing a letter, not as a headline', () => {
    const input = [
      '习近平给交通大学全体师生回信',
      '上海交通大学、西安交通大学全体师生：',
      '来信收悉。你们两所高校根脉相连，今年共同迎来建校一百三',
      '十周年，在此向全体师生员工、广大校友表示祝贺。希望你们',
      '传承弘扬西迁精神，聚焦国家重大战略需求，加强科技自主创',
      '新和人才自主培养，为建设教育强国作出新贡献。',
      '习近平',
      '2026年4月7日',
      '新华社北京4月7日电近日，中共中央总书记、国家主席习近平',
      '给上海交通大学、西安交通大学全体师生回信，对学校发展提',
      '出殷切期望。两所交通大学全体师生给习近平总书记写信，汇',
      '报学校发展历程和办学成绩，表达为强国建设贡献力量的决心。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['习近平给交通大学全体师生回信']);
    expect(actual[0]!.paragraphs.join('')).toContain('作出新贡献。习近平2026年4月7日');
  });

  it('never takes a short headline over a frame of another width for a line cut off, whatever its text says', () => {
    // The wide column's sentence is finished, and the text under the headline sits in a narrower
    // frame: nothing runs on from one to the other. (Its body talks about the 党, not about
    // 锻造, 坚强 or 英雄.)
    const input = [
      '国务院召开常务会议',
      '新华社北京4月7日电国务院总理主持召开国务院常务会议，研究部',
      '署进一步做好稳就业工作，审议通过有关条例草案，讨论通过关于推',
      '进城市更新行动的实施意见。会议指出，要统筹抓好各项工作，切实',
      '保障群众基本生活，确保各项政策落地见效。会议强调，要进一步加',
      '大援企稳岗力度，落实落细各项减税降费措施，帮助市场主体纾困解',
      '难，着力稳住经济大盘，为全年目标任务的完成打下坚实的基础。',
      '锻造更加坚强的英雄军队',
      '一个世界上最大的马克思主义执政党',
      '如何成功跳出治乱兴衰的历史周期率',
      '？新时代的中国共产党人给出了第二',
      '个答案，这就是“党的自我革命”，让',
      '人民来监督政府，让党员干部时刻保',
      '持清醒。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['国务院召开常务会议', '锻造更加坚强的英雄军队']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^一个世界上最大的/);
  });
});

describe('splitArticles: a headline printed under its text, with no blank lines', () => {
  it('parts the story from the one above where the column changes width, and titles it by the headline under it', () => {
    const input = [
      '莫把虚功当长处',
      '“人各有所长”，这话中听，且所言非虚。但长处和“长处”，却有区别。真',
      '才实学之“长”，自是老坑翡翠，越打磨越见光彩。可世间另有一种“长处”，',
      '实为短板的遮羞布、心虚的挡箭牌。它披锦袍招摇过市，却是败絮其中。“虚',
      '功”如野草，割不尽、烧不绝，病灶在于评价标尺生锈。与其苦心经营一戳即',
      '破的“长处”，不如沉心静气，练几样真本事，做几件暖心事，方为长处。',
      '生活中，有许多与书有关的细节和画面，',
      '一直驻于心里，美好又温暖。早年，我将一',
      '斗室整理成书房，狭小、逼仄，没有窗户，',
      '我偏偏取了个“阳光草堂”的名字。我常说，',
      '与书同坐片刻，便会拥有一束光。这束光，',
      '照亮了我的生活，也照亮了我走过的路。',
      '与书同坐片刻',
      '扔掉厚重的棉袄，孃孃收拾洗刷完毕，从厨房走出，吆喝一声还在房前追',
      '鸡逗狗的我。孃孃背上大肚柴背篓，我飞也似的冲进柴房，跟着去巡山了。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual).slice(0, 2)).toEqual(['莫把虚功当长处', '与书同坐片刻']);
    expect(actual[0]!.paragraphs.join('')).toMatch(/方为长处。$/);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^生活中，有许多与书有关的细节/);
  });
});

describe('splitArticles: a headline printed under its text, right over the next one', () => {
  // (Lines as a copy of a real page gives them, pdftotext -raw.)
  it('cuts the run of headline lines where the upper lines repeat the text above and the lower ones the text below', () => {
    const input = [
      '4月6日，达233.4万人次。其中，港澳台居民出入境329.1万人次，较去年同期增长19.5%；外国人出入',
      '境84.3万人次，较去年同期增长20.9%；入境外国人中，适用免签政策入境31.9万人次，较去年同期增',
      '长30.7%。另外，全国边检机关共计查验出入境交通运输工具30.7万架（艘、列、辆）次，较去年同期',
      '增长13.3%。',
      '据介绍，按照国家移民管理局统一部署，全国边检机关全警动员、积极作为，科学预测、及时发布',
      '本口岸出入境客流情况，提示广大出入境人员合理安排行程；科学组织勤务，配足执勤警力，针对港澳',
      '台居民、海外华侨华人返乡祭祖人数多、老年人多等实际，设置专门查验通道，为需要特殊照顾的旅客',
      '提供帮助；密切部门协作联动，及时疏导客流高峰，确保口岸通关高效顺畅。清明假期，全国口岸出入',
      '境安全便捷、井然有序。',
      '清明假期全国口岸日均出入境人员达226万人次',
      '广西今年提前下达中央补助资金24.1亿元 支持筹集各类保障性住房2.4万套以上',
      '本报南宁4月7日电 （记者庞革平）记者从广西壮族自治区财政厅和住建厅获悉：今年以来，广西已',
      '提前下达中央补助资金24.1亿元，支持筹集各类保障性住房2.4万套以上、城中村改造安置房0.58万套以',
      '上，实施城市危旧房改造2万套以上，为2026年度城镇保障性安居工程后续工作开展奠定良好基础。',
      '广西支持城中村改造提升，助力城市高质量发展。统筹财政补助资金与城中村改造专项借款，支持',
    ].join('\n');
    expect(titles(split(input))).toEqual(['清明假期全国口岸日均出入境人员达226万人次', '广西今年提前下达中央补助资金24.1亿元支持筹集各类保障性住房2.4万套以上']);
  });

  it('starts a continued story where its first line opens with the jump note, under its own headline, and leaves the note out', () => {
    // (PDFium's copy of a column 16 characters wide: a story's end with its source note, then the continuation.)
    const input = [
      '达重庆后通过长江水运无缝衔接；同',
      '样，来自东南亚及沿海的国际货物也',
      '能通过江海联运深入西部腹地，将内',
      '陆城市打造为辐射全国、链接全球的',
      '开放高地。”王辉表示，三峡水运新',
      '通道未来将在畅通物流通道、强化港',
      '口集散功能、扩大开放格局三个维度',
      '全面重塑内河航运对外开放能力。',
      '良好的生态环境，是最普惠的民',
      '生福祉；守护好一江碧水，是建好工',
      '程的应有之义。',
      '积极开展生态修复和珍稀鱼类保',
      '护；严控施工范围，努力减少对地表',
      '植被及野生动物栖息生境的占用，对',
      '受影响的珍稀保护植物、古树等进行',
      '移植或就地保护；施工前进行表土剥',
      '离，集中堆存并做好防护和养护……',
      '高鹏表示，建设中三峡集团将严',
      '格按照环境保护设施与主体工程同时',
      '设计、同时施工、同时投产使用的要',
      '求，落实好各项生态环保措施。',
      '面对旺盛的货运需求，三峡水运',
      '新通道工程建设期内的通行压力如何',
      '缓解，各界普遍关心。',
      '王辉介绍，2024年，交通运输',
      '部组织开展了相关研究工作，提出了',
      '包括完善新通道建设管理机制、重点',
      '物资过坝保障等7类14项政策与管理',
      '措施，目前这些措施正在稳步推进',
      '中。',
      '“后续在落实常规管理措施基础',
      '上，还将从待闸服务、应急处置、翻',
      '坝转运等10个方面采取加强性通航',
      '保障措施，保障整个建设期长江航运',
      '安全、平稳、通畅、有序。”王辉',
      '说。',
      '重大工程建设离不开群众支持。',
      '钮新强表示，无论是规划设计部门，',
      '还是建设单位、地方政府，大家都将',
      '用心用情、用好政策，坚持将工程建',
      '设转化为惠民工程。',
      '百舸争流千帆竞，长风万里启新',
      '程。',
      '展望未来，长江这条涌动着绿色',
      '动能、开放活力、发展势能的国民经',
      '济“大动脉”，将进一步助力经济社会',
      '高质量发展，为全面推进中国式现代',
      '化注入更加强劲的动力。',
      '（新华社北京6月12日电 新华',
      '社记者）',
      '美丽中国行',
      '守护绿水青山，共绘生态富民新图景',
      '（接第一版） 从“靠山吃山”到“养山生金”，秦',
      '巴山区走出一条生态优先、绿色升级',
      '的路径，生态的“高颜值”转化为发展',
      '的“高产值”。',
    ].join('\n');
    const continued = split(input).find((article) => article.title === '守护绿水青山，共绘生态富民新图景');
    expect(continued?.paragraphs[0]).toMatch(/^从“靠山吃山”/);
  });

  it('starts a new text under a jump line saying where it came from, so the headline under that text heads it alone', () => {
    const input = [
      '本报北京6月12日电 （记者刘温馨）6月12日上午，国家防总办公室、应急管理部组织自然资源、',
      '水利、气象等部门联合会商，视频调度浙江、福建、江西、广东、广西等11个省份，研判新一轮强降雨',
      '发展趋势，研究部署重点地区防汛救灾工作。国家防总于12日10时针对广东、广西、江西、福建、浙',
      '江、贵州、湖南等7省份启动防汛四级应急响应，并派出2个工作组赴地方协助指导防汛工作；应急管理',
      '部于12日针对江西、广东、广西启动国家地质灾害四级应急响应。',
      '12日，国家防总办公室、应急管理部会同民政部、交通运输部、水利部、商务部、文化和旅游部召',
      '开2026年重点部位度汛隐患排查专项行动座谈会，进一步部署重点部位隐患排查和安全度汛工作。',
      '上接第一版',
      '一拉，福寿延绵；二对，花开富贵；三抖，三阳开泰……街区摊',
      '位前，北京翻里花制作技艺传承人李梅展示着“一翻就变”的技艺魅',
      '力。“不放弃老祖宗的技艺，也要有所创新。”李梅说，从“翻花龙”“长',
      '城翻里花”到今年的“翻花马手工工具包”，她已研发出上百款新品。',
      '今年2月10日，习近平总书记来到隆福寺街区，走进沿街的北京',
      '文物回归，展现守护国宝的坚定决心和实力。去年10月，中方',
      '在美国华盛顿接收美方民间机构代表返还的虎形牌饰文物，这是继去',
      '年5月接收子弹库帛书二、三卷后，又一次成功接收美方返还重要文',
      '物。“十四五”时期，35批次537件/套流失文物艺术品陆续回归祖',
      '国，流失文物追索返还工作取得积极成效。',
      '以文化人，更能凝聚人心；以艺通心，更易沟通世界。',
      '品茶，听古琴，赏中华戏曲，尝传统美食……外国朋友对中国非',
      '遗产生浓厚兴趣，并争先恐后体验穿汉服、吃火锅、舞鱼灯、打八段',
      '锦等中式生活。数据显示，仅今年一季度，中国茶叶出口额便达27',
      '亿元。',
      '无论是风靡世界的中国非遗、文创、生活方式，还是日益活跃的',
      '文化出海，都彰显了中华文化的魅力。',
      '《黑神话：悟空》中的陕北说书、中国古建筑被全球玩家点赞。',
      '2025年，我国自主研发游戏海外市场收入达204.55亿美元；我国网',
      '络文学海外市场营收达56.4亿元，覆盖200多个国家和地区……以网',
      '文、网剧、网游为代表的文化“新三样”，蕴含着中华优秀传统文化，',
      '在海外刮起阵阵“中国风”。',
      '习近平总书记强调：“我们一定要重视历史文化保护传承，保护',
      '好中华民族精神生生不息的根脉。”',
      '如今，传承不绝的宝贵遗产激发中华民族的壮志豪情，多姿多彩',
      '的古老技艺进入更为广阔的全球市场……全社会的历史自信、文化自',
      '信更加坚定，做中国人的志气、骨气、底气极大增强，为以中国式现',
      '代化全面推进强国建设、民族复兴伟业注入强大文化力量。',
      '守护好中华民族的文化瑰宝',
      '水利部针对7省份启动洪水防御Ⅳ级',
      '应急响应',
      '本报北京6月12日电 （记者邓剑洋）记者从',
      '水利部获悉：据预报，6月12日至14日，受冷暖空',
      '气共同影响，西南东部南部、江南大部、华南大部',
      '将有一次移动性强降雨过程，以大到暴雨为主，其',
      '中贵州中部、湖南南部、江西东部南部、浙江南',
      '部、福建西部、广东北部、广西东部北部等地部分',
      '地区将有暴雨到大暴雨，并伴有短时强降雨；暴雨',
      '区内广东北江英德段、福建富屯溪和建溪、湖南湘',
      '江支流南川水、贵州乌江支流野纪河等河流可能发',
      '生超警洪水。',
      '12日20时，水利部针对浙江、福建、江西、',
      '湖南、广东、广西、贵州7省份启动洪水防御Ⅳ级',
      '应急响应，要求地方水利部门和流域管理机构加强',
      '监测预报预警，强化会商研判和应急值守，全力确',
      '保人民群众生命财产安全。',
    ].join('\n');
    // (The top of a story, then 上接第一版 and a story continued from page 1, part of its text left out.)
    const actual = split(input);
    expect(titles(actual).slice(1)).toEqual(['守护好中华民族的文化瑰宝', '水利部针对7省份启动洪水防御Ⅳ级应急响应']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^一拉，福寿延绵/);
  });
});

describe('splitArticles: the next headline right under a headline printed under its text', () => {
  it('reads the line under such a headline block again, as the photo news headline it is', () => {
    // (A story's end, its headline under it with a kicker, then photo news in a narrow column.)
    const input = [
      '在“中国丝网之乡”河北安平县，上万家丝网',
      '工贸企业开足马力，勾勒着年产值超千亿元的',
      '丝网产业链。安平县试水“众筹科研”，让小丝',
      '网织出千亿元产业链，编织的不仅是新材料，更',
      '是一条以机制创新破解产业升级难题的新路径。',
      '高质量发展在一线·小城宝藏',
      '河北安平县试水“众筹科研”',
      '小丝网织出千亿元产业链',
      '草原添生机',
      '眼下正值农牧民接春羔的关',
      '键时节，甘肃张掖肃南裕固族自',
      '治县通过精准施策、科学管护推',
      '进相关工作，一只只初生小羊羔',
      '接连降生，为广袤的草原增添生',
      '机。图为4月6日，肃南县大河乡',
      '松木滩村，羊群正在觅食。申',
      '翌晓摄（影像中国）',
      '本报北京4月7日电（记者刘志强）记者从国家发展改革委获',
      '悉：3月23日国内成品油价格调整窗口开启以来，国际油价大',
      '幅震荡。为减缓国际油价上涨对国内的冲击，国家继续对成品',
      '油价格采取调控措施，汽、柴油价格不作调整。',
      '国家继续对成品油价格采取调控措施',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toContain('草原添生机');
    expect(actual.find((article) => article.title === '草原添生机')!.paragraphs.join('')).toMatch(/^眼下正值农牧民接春羔/);
  });
});

describe('splitArticles: photo news in bare text', () => {
  it('reads a headline over nothing but a credited caption that talks about it as photo news', () => {
    // (As a copy of a real page gives it, from the foot of a story on: the photo news's text spans the page.)
    const input = [
      '工程车进进出出，如何保证气膜内部气压稳定？“我们制定了严丝合缝的‘内外双门互锁’机',
      '制。”现场施工负责人介绍，工程车进出时需经过等候区的内外两道门，保证了气膜密闭。不仅如',
      '此，气膜由阻燃材料构成，一般火源很难点燃。“只要不是故意破坏，气膜也很难被划破。”袁松',
      '说，哪怕真被划破了，技术人员也能像补车胎一样，用热熔枪打个补丁，3分钟就能修好。',
      '从尘土飞扬到一尘不染，从震耳欲聋到减少扰民，用气膜包裹工地施工，不仅环保，还经济。',
      '“建气膜花了100多万元，但你算算：因为降低了扰民影响，我们没收到一张罚单，没接到一个',
      '停工投诉；因为防雨，我们没浪费一个工时；再加上省下的防尘网、降噪设施和项目周围后期修复',
      '成本，这笔账算下来，划算又省事。”袁松说，项目完工后，气膜还可在别的项目重复利用，不会',
      '造成浪费。',
      '棉花开播 北斗“掌舵”',
      '正值棉花播种关键期，新疆昌吉回族自治州呼图壁县广泛应用“先播种、后滴水”的节水种植模式，依托北斗导航系统实现高精度直线播种，确保播行笔直、下种均匀，为全年棉花丰产丰收打下坚实基础。图为',
      '4月6日，在呼图壁县五工台镇龙王庙村，农机手驾驶搭载北斗导航系统的精量播种机开展棉花播种作业。 陶维明摄（影像中国）',
      '江西实施新规严防违规干预招标投标',
      '本报南昌4月7日电 （记者周欢）江西近日印发领导干部违规干预和插手招标投标活动登记报告制',
      '度，针对工程建设项目、政府采购项目、国有企业招标采购项目等招标投标活动全链条廉洁风险点，细',
      '化列明21类领导干部违规干预和插手招标投标活动的具体情形，为领导干部廉洁用权划出清晰“负面清',
      '单”。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual).slice(1)).toEqual(['棉花开播北斗“掌舵”', '江西实施新规严防违规干预招标投标']);
    expect(actual[1]!.paragraphs.join('')).toContain('正值棉花播种关键期');
  });
});

describe('splitArticles: captions', () => {
  it('attaches a photo caption to the article it talks about, wherever it sits', () => {
    const caption = '7月30日，市政协党组理论学习中心组举行集体学习。 记者 柯俊彬 摄';
    const input = `${caption}\n\n纳凉点开放\n\n${COOLING_BODY}\n\n市政协党组理论学习中心组举行集体学习\n\n${MEETING_BODY}\n`;
    const actual = split(input);
    expect(titles(actual)).toEqual(['纳凉点开放', '市政协党组理论学习中心组举行集体学习']);
    expect(actual[0]!.captions).toEqual([]);
    expect(actual[1]!.captions).toEqual(['7月30日，市政协党组理论学习中心组举行集体学习。记者柯俊彬摄']);
  });

  it('takes a line of side-by-side captions (a full stop, a gap, more text) as captions', () => {
    const input = `纳凉点开放\n\n${COOLING_BODY}\n\n市民在人防工程纳凉点纳凉。 市民在轨道交通车站纳凉区纳凉。\n`;
    const [actual] = split(input);
    expect(actual!.captions).toEqual(['市民在人防工程纳凉点纳凉。市民在轨道交通车站纳凉区纳凉。']);
    expect(actual!.paragraphs.join('')).not.toContain('市民在人防工程');
  });
});

describe('splitArticles: web copies', () => {
  const webPage = [
    '中共中央政治局召开会议',
    '讨论政府工作报告',
    '中共中央总书记习近平主持会议',
    '新华社北京2月28日电  中共中央政治局2月28日召开会议，讨论政府工作报告稿。',
    '会议还研究了其他事项。',
    '',
    '山西开展“重大项目建设年”行动（坚定信心，打开改革发展新天地）',
    '本报记者  刘鑫焱  付明丽',
    '山西“重大项目建设年”推进会日前在长治市举行，全省共签约项目494个。',
    '优化营商环境，保障项目建设',
    '山西积极完善“重大项目建设年”工作推进机制，强化项目要素保障。',
  ].join('\n');

  it('reads kicker, title, subtitle and byline lines before each body', () => {
    const actual = split(webPage);
    expect(actual.map(({ kicker, title, subtitle, byline, dateline }) => ({ kicker, title, subtitle, byline, dateline }))).toEqual([
      { kicker: '中共中央政治局召开会议', title: '讨论政府工作报告', subtitle: '中共中央总书记习近平主持会议', byline: undefined, dateline: '新华社北京2月28日电' },
      { kicker: undefined, title: '山西开展“重大项目建设年”行动（坚定信心，打开改革发展新天地）', subtitle: undefined, byline: '本报记者 刘鑫焱 付明丽', dateline: undefined },
    ]);
  });

  it('reads a web copy whose paragraphs are separated by blank lines, by the byline under each headline', () => {
    const input = [
      '山西开展“重大项目建设年”行动',
      '',
      '本报记者  刘鑫焱',
      '',
      '山西“重大项目建设年”推进会日前在长治市举行，全省共签约项目494个。',
      '',
      '优化营商环境，保障项目建设',
      '',
      '山西积极完善“重大项目建设年”工作推进机制，强化项目要素保障。',
      '',
      '湖南大力实施产业育新培强攻坚',
      '',
      '本报记者  吴齐强',
      '',
      '开年即满产——湖南长沙市比亚迪汽车有限公司总装车间产线上正满负荷生产。',
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['山西开展“重大项目建设年”行动', '湖南大力实施产业育新培强攻坚']);
    expect(actual[0]!.paragraphs).toContain('优化营商环境，保障项目建设');
    expect(actual.map((article) => article.byline)).toEqual(['本报记者 刘鑫焱', '本报记者 吴齐强']);
  });

  it("reads a line printed over two headlines of the page as a series' name, not part of either title", () => {
    const story = (title: string, byline: string, body: string[]) => ['我家门口有文物', title, byline, ...body];
    const bridge = ['从最初集资建桥到如今共同守护，', '这座老桥见证了村里几代人的往', '来，村民们说，看到桥，就等于', '到家了，桥成了全村人的念想。'];
    const pavilion = ['每逢农历闰六月，福建莆田市仙', '游县枫溪上的水阁一出，在外的', '乡亲们便从各地赶回来，看一看', '水阁，也看一看家乡的变化。'];
    const input = [...story('“看到桥，就等于到家了”', '李维俊', bridge), ...story('枫亭水阁牵乡愁', '李 丹', pavilion)].join('\n');
    const actual = split(input);
    expect(actual.map((article) => [article.kicker, article.title])).toEqual([
      ['我家门口有文物', '“看到桥，就等于到家了”'],
      ['我家门口有文物', '枫亭水阁牵乡愁'],
    ]);
    // A reader may set the name and the headline's first glyphs in one line (PDFium, a headline set top to bottom).
    const joined = split([...bridge.slice(0, 2), '我家门口有文物 “', '看到桥', '，', '就等于到家了”', '李维俊', ...bridge.slice(2), ...story('枫亭水阁牵乡愁', '李 丹', pavilion)].join('\n'));
    expect(joined.map((article) => article.title)).toContain('“看到桥，就等于到家了”');
    // Printed once, the same line over a headline is read as before: a wrapped headline's first line.
    const once = split(story('枫亭水阁牵乡愁', '李 丹', pavilion).join('\n'));
    expect(once.map((article) => article.kicker)).toEqual([undefined]);
    // A headline set top to bottom repeats characters, each on a line: no series' name.
    const rice = ['扔掉厚重的棉袄，孃孃收拾洗刷完毕，从厨', '房走出，吆喝一声还在房前追鸡逗狗的我。', '孃孃背上大肚柴背篓，我飞也似的冲进柴', '房，取出木制金箍棒，跟着去巡山了。'];
    const vertical = split(['桥', ...bridge, '春', '社', '日', '春', '社', '饭', ...rice].join('\n'));
    expect(vertical.map((article) => [article.kicker, article.title])).toEqual([[undefined, '桥'], [undefined, '春社日春社饭']]);
  });

  it('takes the title from a first headline that has its own subtitle, not from the headings under it', () => {
    // A PDF copy (pdftotext -raw) of a page of speeches under one headline.
    const lines = [
      '推动传统媒体和新兴媒体融合发展',
      '——二〇二六媒体融合发展论坛发言摘编',
      '江西省南昌市青云谱区委宣传部副部长 徐 静。 记者 李',
      '明华 摄',
      '深挖内容优势 提升传播效能',
      '中国社会科学院大学新闻传播学院副院长、教',
      '授 黄楚新',
      '党的十八大以来，以习近平同志为核心的党中',
      '央高度重视媒体融合发展。当今，新媒体技术发展',
      '迅速，为行业深度变革提供助力。媒体需要转变思',
      '维、深挖内容优势，充分利用数字产业化和产业数',
      '字化，提升传播效能。',
    ];
    const [actual] = split(lines.join('\n'));
    expect(actual!.title).toBe('推动传统媒体和新兴媒体融合发展');
  });

  it("moves a title line its text never talks about to the kicker: a series' name set in the title's type", () => {
    const body = ['一段时间以来，喝热水、重养生的中国', '生活方式在国外社交圈悄然流行，保温', '杯成了海外网友的新宠。小小保温杯中', '有乾坤，保温杯订单随之大增。'];
    const [actual] = split(['看中国好物七十二变', '保温杯中有乾坤', '本报记者 王 浩', ...body].join('\n'));
    expect([actual!.kicker, actual!.title]).toEqual(['看中国好物七十二变', '保温杯中有乾坤']);
    // A title in two halves whose text talks about both stays whole.
    const both = ['扎根琼岛百年，海南咖啡稳产提质，', '海南咖啡种植扎根琼岛已有百年，近', '年来咖啡稳产提质，品牌走向全国各', '地，海南咖啡香飘岛外。'];
    const [whole] = split(['扎根琼岛百年', '海南咖啡稳产提质', '本报记者 王 浩', ...both].join('\n'));
    expect(whole!.title).toBe('扎根琼岛百年海南咖啡稳产提质');
  });

  it('keeps a section heading inside its article as a paragraph', () => {
    const actual = split(webPage);
    expect(actual[1]!.paragraphs).toEqual([
      '山西“重大项目建设年”推进会日前在长治市举行，全省共签约项目494个。',
      '优化营商环境，保障项目建设',
      '山西积极完善“重大项目建设年”工作推进机制，强化项目要素保障。',
    ]);
  });

  it('keeps a section heading of a column article in its article when the text under it goes on with the same story', () => {
    const input = [
      '坚持用改革精神管党治党',
      '',
      '本报记者 赵成',
      '',
      '二十届中央纪委四次全会审议通',
      '过的工作报告，对2025年纪检',
      '监察工作进行全面部署，强调',
      '以严的标准推进全面从严治党。',
      '',
      '突出以人民为中心的价值取向',
      '',
      '工作报告指出，要坚持以人民',
      '为中心的价值取向，持续整治',
      '群众身边不正之风和腐败问题，',
      '纪检监察机关要把严的标准落',
      '实到工作各个方面。',
      '',
      ...COOLING_ARTICLE,
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['坚持用改革精神管党治党', '纳凉点开放']);
    expect(actual[0]!.paragraphs).toContain('突出以人民为中心的价值取向');
  });

  it("keeps a section under a place's lead-in (西班牙桑坦德——) in its article when it surely goes on with the story", () => {
    const input = [
      '数智赋能，让城市更便捷',
      '',
      '本报记者 颜欢',
      '',
      '智慧城市建设在多国推进，传感',
      '器数据与统一平台让城市管理更',
      '便捷，智慧路灯和智慧交通让市',
      '民出行更高效。',
      '',
      '西班牙桑坦德——',
      '统一平台整合传感器数据',
      '',
      '桑坦德市的智慧城市建设从传感',
      '器起步，统一平台整合全市传感',
      '器数据，智慧路灯和智慧交通让',
      '城市管理更便捷、更高效。',
      '',
      ...COOLING_ARTICLE,
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['数智赋能，让城市更便捷', '纳凉点开放']);
    expect(actual[0]!.paragraphs).toContain('统一平台整合传感器数据');
    // Under the same lead-in, a story about something else stays an article of its own.
    const unrelated = split(input.replace(/桑坦德市的智慧城市[^]*?更高效。/, '重庆持续高温，市民在人防工\n程纳凉点避暑，纳凉点配备\n饮用水和座椅，方便市民。'));
    expect(titles(unrelated)).toContain('统一平台整合传感器数据');
  });

  it('keeps a section under a heading of two lines (指标咋完成 / 做行动派，扛起新责任) in its article', () => {
    const input = [
      '临泽县节水记',
      '',
      '本报记者 曾亦辰',
      '',
      '临泽县把节水指标纳入考核，节水',
      '工作有了刚性约束，节水指标层层',
      '分解到乡镇和村，农业用水总量逐',
      '年下降。',
      '',
      '指标咋完成',
      '做行动派，扛起新责任',
      '',
      '节水指标，不是一下了之。临泽县',
      '把节水指标分解到乡镇和村，农业',
      '用水总量逐年下降，节水考核让各',
      '乡镇把节水工作扛在肩上。',
      '',
      ...COOLING_ARTICLE,
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['临泽县节水记', '纳凉点开放']);
    expect(actual[0]!.paragraphs).toEqual(expect.arrayContaining(['指标咋完成', '做行动派，扛起新责任']));
  });

  it('keeps a labelled sidebar (记者手记) that goes on with the story inside its article', () => {
    const input = [
      '为规范非遗市场不断探索',
      '',
      '本报记者 朱磊',
      '',
      '全国人大代表伍映方来到竹刻',
      '工作室，了解非遗竹刻技艺的',
      '传承情况。伍映方说，非遗竹',
      '刻需要更多年轻人传承。',
      '',
      '记者手记',
      '做深入一线的调研',
      '',
      '当选代表后，伍映方每天都去',
      '调研非遗竹刻传承人的现状，',
      '为非遗传承建言献策。',
      '',
      ...COOLING_ARTICLE,
    ].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['为规范非遗市场不断探索', '纳凉点开放']);
    expect(actual[0]!.paragraphs.slice(-3, -1)).toEqual(['记者手记', '做深入一线的调研']);
  });

  it('starts an article at a headline under a column\'s name (国际论坛), however close its text is to the article above', () => {
    const story = (lead: string) => [
      `${lead}伍映方来到竹刻`,
      '工作室，了解非遗竹刻技艺的',
      '传承情况。伍映方说，非遗竹',
      '刻需要更多年轻人传承。',
    ];
    const input = ['为规范非遗市场不断探索', '', '本报记者 朱磊', '', ...story('全国人大代表'), '', '国际论坛', '非遗竹刻技艺的传承', '', ...story('今年春天'), ''].join('\n');
    expect(titles(split(input))).toEqual(['为规范非遗市场不断探索', '非遗竹刻技艺的传承']);
  });

  it('reads summary points (■) under a web headline as the start of its story, dateline and all', () => {
    const input = [
      '市政协党组理论学习中心组举行第六次集体学习',
      '■会上，党组成员围绕主题逐一作交流发言。',
      '■会议强调，要加强工作统筹。',
      '本报讯（记者 陈元洪）7月30日，市政协党组理论学习中心组举行第六次集体学习。',
      '会上，党组成员围绕主题，结合思想和工作实际，逐一作交流发言。',
    ].join('\n');
    const [actual, ...rest] = split(input);
    expect(rest).toEqual([]);
    expect(actual).toMatchObject({ title: '市政协党组理论学习中心组举行第六次集体学习' });
    expect(actual!.paragraphs).toHaveLength(4);
  });

  it('drops page furniture: breadcrumbs, dates, editor credits, related links', () => {
    const input = [
      '首页 > 要闻 > 正文',
      '松下将撤出液晶面板业务',
      '2024-05-20 21:33  来源：澎湃新闻',
      '当地时间11月21日，松下宣布将在2021年前撤出液晶面板业务。',
      '声明称，松下将专注于B2B业务。',
      '（责任编辑：陈静）',
      '相关新闻',
      '汇聚改革正能量',
    ].join('\n');
    const actual = split(input);
    expect(actual).toEqual([
      {
        title: '松下将撤出液晶面板业务',
        paragraphs: ['当地时间11月21日，松下宣布将在2021年前撤出液晶面板业务。', '声明称，松下将专注于B2B业务。'],
        captions: [],
      },
    ]);
  });

  it('reads an English article with a standfirst, a byline and a photo credit', () => {
    const input = [
      'Museum shows a hoard of Roman coins',
      'More than 2,000 silver coins were buried in a clay pot',
      'By Claire Dubois',
      'The regional museum opened an exhibition on Tuesday of more than 2,000 silver coins.',
      'Silver coins from the hoard on display. Photo by Claire Dubois',
      'The coins were buried around the year 260, said the curator, Jonas Weber.',
    ].join('\n');
    const [actual, ...rest] = split(input);
    expect(rest).toEqual([]);
    expect(actual).toMatchObject({
      title: 'Museum shows a hoard of Roman coins',
      subtitle: 'More than 2,000 silver coins were buried in a clay pot',
      byline: 'By Claire Dubois',
      captions: ['Silver coins from the hoard on display. Photo by Claire Dubois'],
    });
    expect(actual!.paragraphs).toHaveLength(2);
  });
});

describe('splitArticles: pages without a headline', () => {
  it('titles the one article by its first sentence', () => {
    const input = '今天天气很好，我们去公园散步。公园里有很多人。\n\n傍晚时分，大家各自回家。';
    const actual = split(input);
    expect(actual).toEqual([{ title: '今天天气很好，我们去公园散步', paragraphs: ['今天天气很好，我们去公园散步。公园里有很多人。', '傍晚时分，大家各自回家。'], captions: [] }]);
  });

  it('prefers the page title the capture supplies', () => {
    const input = 'The council met on Tuesday. It approved the budget.';
    expect(titles(split(input, 'Council approves budget'))).toEqual(['Council approves budget']);
  });

  it('returns nothing for a page with no text', () => {
    expect(split('\n \n\u3000\n')).toEqual([]);
  });
});

describe('titleFromText', () => {
  it.each([
    ['本报讯（记者 张三）昨天，市里召开大会。会议强调…', '昨天，市里召开大会'],
    ['The council met on Tuesday. It approved the budget.', 'The council met on Tuesday'],
    ['治愈患者捐献血浆会影响健康吗？2月17日下午，发布会举行。', '治愈患者捐献血浆会影响健康吗？'],
    ['Will the bridge open in May? The council says yes.', 'Will the bridge open in May?'],
    ['这是一个非常非常长的句子，它有很多很多的从句，一直说下去，一直说下去，一直说下去，一直说下去，还要继续说下去，直到超过六十个字为止才停下来。', '这是一个非常非常长的句子，它有很多很多的从句，一直说下去，一直说下去，一直说下去，一直说下去，还要继续说下去'],
  ])('titles %j as %j', (input, expected) => {
    expect(titleFromText(input)).toBe(expected);
  });
});

describe('splitArticles: PDF copies with no blank lines', () => {
  it('reads a headline that the copy cut into its columns on through its punctuation on a line of its own', () => {
    // PDFium copies a headline set top to bottom a column a line, its comma on a line of its own.
    const budget = ['日本国会3月底曾通过一项临时预算案，', '以避免政府运转在新财年开始的时候因预', '算无法接续而陷入困境。'];
    const history = ['今年1月，记录日本军国主义反人类', '暴行的中国电影《731》正式登陆韩国院', '线，引发观众对那段历史的关注，七三一', '部队的罪行不能忘记。'];
    const actual = split([...budget, '环球走笔 七三', '一', '，', '不能忘记的黑暗历史', ...history].join('\n'));
    expect(actual.at(-1)!.title).toContain('七三一，不能忘记的黑暗历史');
  });

  const noBlanks = (text: string) => text.replace(/\n+/g, '\n');

  it('reads photo news under doubled art, its credit closing the text and the caption line after it', () => {
    const photoText = `${COOLING_BODY}\n与去年相比新增了13个。 记者 柯俊彬 摄`;
    const input = noBlanks(`市政协党组理论学习中心组举行集体学习\n${MEETING_BODY}\n纳 凉纳 凉\n避 暑避 暑\n${photoText}\n市民在人防工程纳凉点纳凉。 市民在轨道交通车站纳凉区纳凉。\n`);
    const actual = split(input);
    expect(titles(actual)).toEqual(['市政协党组理论学习中心组举行集体学习', '纳凉避暑']);
    expect(actual[1]!.paragraphs.join('')).toMatch(/^入伏后.*记者 ?柯俊彬 ?摄$/);
    expect(actual[1]!.captions).toEqual(['市民在人防工程纳凉点纳凉。市民在轨道交通车站纳凉区纳凉。']);
  });
});

describe('splitArticles: web copies with no blank lines', () => {
  const bamboo = [
    '为规范非遗市场不断探索',
    '本报记者 朱磊',
    '全国人大代表伍映方来到非遗竹刻传承人的竹刻工作室，了解非遗竹刻技艺的传承情况。',
    '伍映方说，非遗竹刻需要更多年轻人传承，非遗竹刻技艺的市场也需要规范。',
  ];

  it('keeps a one-line section heading inside its article when the text under it goes on with the same story', () => {
    const input = [...bamboo, '加强非遗技艺保护', '今年伍映方打算提交一份关于加强非遗竹刻技艺传承与保护的建议，规范非遗竹刻市场。'].join('\n');
    const actual = split(input);
    expect(titles(actual)).toEqual(['为规范非遗市场不断探索']);
    expect(actual[0]!.paragraphs).toContain('加强非遗技艺保护');
  });

  // (A sentence or two say too little to tell a change of topic: the story under the headline is a few sentences long.)
  it('starts an article at a one-line headline with no byline when the text under it tells another story', () => {
    const lines = [
      ...bamboo,
      '冬令进补，不妨试试温和清润的滋补法',
      '当我们在讨论冬令进补时，你会想到什么？用了不少滋补品的膏方，还是经过漫长炖煮而成的羊肉煲？',
      '实际上，随着生活条件的改善，传统的厚重型滋补方式并不能覆盖所有人的需求，温和而清润的滋补法，有时候可能会更有效果。',
    ];
    expect(titles(split(lines.join('\n')))).toEqual(['为规范非遗市场不断探索', '冬令进补，不妨试试温和清润的滋补法']);
    // (Likewise where a blank line parts every paragraph: there blank lines tell nothing about articles.)
    expect(titles(split(lines.join('\n\n')))).toEqual(['为规范非遗市场不断探索', '冬令进补，不妨试试温和清润的滋补法']);
  });
});

// One English article as a paste gives it, with everything around its text that used to cut it
// apart: a byline then a dateline, a photo credit, a caption, subheadings, a subhead in capitals,
// a "Read more" and a "Write to" line.
describe('splitArticles: a single article pasted as plain text', () => {
  const ferry = [
    'Harbor Ferry Returns After Two Years of Repairs',
    'By Jane Doe · Staff Writer · Published March 3, 2025',
    'HARBOR TOWN — After two years of repairs, the harbor ferry carried its first passengers across the bay on Monday morning.',
    'The crossing now takes twelve minutes, half the time of the bus ride around the bay, and the city expects two thousand riders a day.',
    'Credit...Doug Mills/The New York Times',
    'The ferry leaves the old pier on Monday. Photo by Jane Doe',
    'A faster link to the business district',
    'Commuters from the old town were the first to notice. The ferry lands next to the business district, where most of them work.',
    'Shop owners near the pier said the first morning brought more customers than a usual week.',
    'FARES STAY LOW',
    'A single crossing costs two dollars, and monthly passes for the bus also work on the ferry, the harbor authority said.',
    'The authority plans a second boat next spring if the numbers hold.',
    'Read more: Harbor authority names new director',
    'Write to Jane Doe at jane.doe@example.com',
  ];

  it.each([
    ['one line per paragraph', '\n'],
    ['a blank line after every paragraph', '\n\n'],
  ])('keeps it whole with its headline, byline and dateline (%s)', (_, separator) => {
    const [article, ...rest] = split(ferry.join(separator));
    expect(rest).toEqual([]);
    expect(article!.title).toBe('Harbor Ferry Returns After Two Years of Repairs');
    expect(article!.byline).toBe('By Jane Doe · Staff Writer · Published March 3, 2025');
    expect(article!.paragraphs[0]).toMatch(/^HARBOR TOWN ?— ?After two years/);
    expect(article!.captions).toEqual(['Credit...Doug Mills/The New York Times', 'The ferry leaves the old pier on Monday. Photo by Jane Doe']);
    // Subheadings and closing lines stay in the text, in place.
    expect(article!.paragraphs).toEqual(expect.arrayContaining(['A faster link to the business district', 'FARES STAY LOW', 'Write to Jane Doe at jane.doe@example.com']));
    expect(article!.paragraphs.indexOf('FARES STAY LOW')).toBeGreaterThan(article!.paragraphs.indexOf('A faster link to the business district'));
  });

  it('keeps numbered sections (1. …, 2) …) in their article whatever they talk about', () => {
    const input = [
      'Five Films to Watch This Winter',
      'Every winter brings a few films worth the trip to the cinema, and this one is no exception.',
      '1. The Last Lighthouse',
      'A keeper on a remote island waits for a supply boat that never comes, and the sea slowly takes his memories of the mainland away.',
      'The director shot it on film over three cold months, with a crew of eleven people living in the lighthouse itself.',
      '2) Paper Cranes',
      'Two sisters fold a thousand paper cranes for their grandmother, and each crane carries a story the family never told out loud.',
      'Animated by hand over six years, the film won the audience award at three festivals before its release.',
    ];
    expect(titles(split(input.join('\n')))).toEqual(['Five Films to Watch This Winter']);
  });

  it('reads paragraphs far wider than a column as a web copy even when most end without a full stop', () => {
    const item = (k: number) => `Item ${k} of the list: the ferry timetable for the harbor crossing lists departures every twenty minutes from the old pier and the business district`;
    const input = ['Ferry Timetable for the Harbor Crossing', ...[1, 2, 3, 4, 5].map(item), 'Timetables change in winter.'].join('\n');
    expect(layoutOf(cleanText(input).lines).wrapped).toBe(false);
  });

  it('gives a headline with no text under it to the text above, never a title of its own (__, a link list)', () => {
    expect(titles(split([...ferry, '__', 'Related Searches'].join('\n')))).toEqual(['Harbor Ferry Returns After Two Years of Repairs']);
  });

  it('still starts an article at a headline with its own byline', () => {
    const second = ['Library Opens Late on Fridays', 'By John Smith', 'The city library will stay open until ten on Fridays from next month, the council said.'];
    expect(titles(split([...ferry, ...second].join('\n')))).toEqual(['Harbor Ferry Returns After Two Years of Repairs', 'Library Opens Late on Fridays']);
  });
});

describe('layoutOf: what blank lines separate', () => {
  const column = (lines: number) => Array.from({ length: lines }, (_, k) => (k % 5 === 4 ? '技艺传承与保护的建议。' : '全国人大代表伍映方来到竹刻'));
  const style = (text: string) => layoutOf(cleanText(text).lines).blankLines;

  it('reads a blank line between two pages of column text as a page break: the pages part no articles', () => {
    expect(style([...column(130), '', ...column(130)].join('\n'))).toBe('none');
  });

  it('reads blank lines between short blocks as parting articles', () => {
    expect(style([...column(20), '', ...column(20), '', ...column(20)].join('\n'))).toBe('articles');
  });
});

describe('splitArticles: headlines in column text with no blank lines', () => {
  const essay = [
    '晨起，见一文坛前辈发来图片并附文。原来',
    '在2008年，他同事的孩子正上小学三年级，请前',
    '辈题字勉励。前辈欣然提笔：“志当存高远，愿望',
    '即能够。人惜秒秒时，海纳涓涓流。”同事将这幅',
    '字镶入镜框，悬于壁上，孩子日日默念。十数年',
    '过去，昔年垂髫童子学业有成，同事感念旧事，',
    '特来致谢。秒秒与涓涓的功夫，是他赠予后学的箴',
    '言，更是他自己的躬身践行，且行得从容。',
  ];

  it('keeps a column\'s short name over a wider headline line out of the headline: a line wraps only once full', () => {
    const [article] = split(['金台随感', '秒秒与涓涓', ...essay].join('\n'));
    expect(article!.title).toBe('秒秒与涓涓');
    expect(article!.kicker).toBe('金台随感');
  });

  it('still joins a headline that wraps onto a narrower line', () => {
    const [article] = split(['秒秒与涓涓的功夫，是他赠予', '后学的箴言', ...essay].join('\n'));
    expect(article!.title).toBe('秒秒与涓涓的功夫，是他赠予后学的箴言');
  });

  it('keeps a series label (大数据观察·春日消费) out of the title it stands over', () => {
    const [article] = split(['大数据观察·春日消费', '赏春正当时 消费暖意足', ...essay].join('\n'));
    expect(article!.title).toBe('赏春正当时消费暖意足');
    expect(article!.kicker).toBe('大数据观察·春日消费');
  });

  it('keeps a headline line that goes on with a bracket left open above in the headline', () => {
    const [article] = split(['伍映方代表——', '为规范非遗市场不断探索（改革再深化', '奋进新征程·代表委员履职故事）', '本报记者 朱 磊', ...essay].join('\n'));
    expect(article!.title).toBe('为规范非遗市场不断探索（改革再深化奋进新征程·代表委员履职故事）');
  });
});

describe('layoutOf: columns', () => {
  const lines = (widths: number[]) => cleanText(widths.map((width) => '文'.repeat(width)).join('\n')).lines;

  it('tells a headline between frames of other widths from one inside a column', () => {
    const layout = layoutOf(lines([22, 22, 22, 22, 11, 30, 30, 30, 30]));
    expect(layout.columnChanges(4, 5)).toBe(true);
    const same = layoutOf(lines([22, 22, 22, 22, 11, 22, 22, 22, 22]));
    expect(same.columnChanges(4, 5)).toBe(false);
  });
});

