// The fixed vocabulary of newspaper pages: datelines, bylines, photo credits, headline marks.
// Each pattern is anchored and free of nested quantifiers, so it runs in linear time.
// Most lines of a page match none of them: a gate on one character (first or last) or on what a
// pattern cannot do without (a digit, a separator) turns those lines away before the pattern runs.
// A gate must admit every text its pattern can match: change the two together.
import { charSet, endsWithOneOf, isHanCode, startsWithOneOf } from './text';

const NAME = '[\\p{Script=Han}·]{1,4}';
const NAMES = `${NAME}(?:[\\s、]+${NAME}){0,5}`;

/**
 * Opening of an article body: `本报讯（记者 陈元洪）`, `据新重庆-重庆日报讯`, `新华社北京2月28日电`,
 * `本报北京2月28日电`, `本报电 （记者 邱超奕）` (a short item's dateline that names no place or date),
 * `中央社記者…電`, `【环球时报报道】` (a source in black brackets: a label, 【点评】 or 【关键词】, is none),
 * `WASHINGTON (Reuters) —`.
 */
const DATELINE = new RegExp(
  [
    '^(?:本报讯|本報訊|本报[\\p{Script=Han}\\d]{0,12}[电電讯訊](?=[\\s\\d（(]|$)|本報[\\p{Script=Han}\\d]{0,12}[电電讯訊](?=[\\s\\d（(]|$)',
    '|(?:新华社|新華社|中新社|中新网|中新網|中央社|人民网|人民網|央视网|央視網|新华网|新華網|光明网|光明網)[\\p{Script=Han}\\d]{0,16}[电電讯訊]',
    '|[据據][^，。\\s]{2,20}[讯訊电電](?=[\\s\\d（(]|$)',
    '|【[^】\\n]{2,28}(?:报道|報道|讯|訊|电|電|消息)】',
    '|[（(]中央社[^）)]{0,30}[）)]',
    '|[A-Z][A-Z. \'-]{2,30}(?:\\([A-Za-z. ]{2,20}\\))?(?:,\\s+[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2})?(?:\\s*[—–]{1,2}\\s*|\\s+-{1,2}\\s+))',
  ].join(''),
  'u',
);

/** First characters of DATELINE's alternatives: 本报, 新华社…光明网, 据, 【, （中央社, a capital letter. */
const DATELINE_OPENERS = charSet('本新中人央光据據【（(ABCDEFGHIJKLMNOPQRSTUVWXYZ');

/** `（记者 陈元洪）` right after a dateline. */
const DATELINE_BYLINE = /^[（(]((?:本报|本報)?(?:特约)?(?:记者|記者|通讯员|通訊員)[^）)]{1,40})[）)]/u;

/**
 * A line that is only a byline: `本报记者  赵  成`, `□ 郑和顺`, `By Jane Doe`. The Chinese openings
 * share one NAMES: each copy of its Han class under a counted repeat is compiled apart, and a new
 * isolate paid about 10 ms for three on its first page.
 */
const BYLINE_LINE = new RegExp(
  [
    '^(?:(?:',
    '(?:本报|本報|新华社|新華社|人民日报|人民日報)(?:特约|特約)?(?:记者|記者|通讯员|通訊員|评论员|評論員)[\\s：:]*|(?:特约|特約)?(?:记者|記者|通讯员|通訊員|评论员|評論員|撰稿)[\\s：:]+',
    '|[□■◎●○△▲]\\s*',
    '|(?:文|图|圖|文\\/图|文／图|文/圖)[\\s：:／/|｜]+',
    `)${NAMES}`,
    // (An English byline may go on with the writer's role or the time: By Jane Doe · Staff Writer · Published …)
    `|By\\s+[A-Z][\\w.'-]+(?:\\s+[A-Z][\\w.'-]+){0,3}(?:(?:,|\\s+and)\\s+[A-Z][\\w.'-]+(?:\\s+[A-Z][\\w.'-]+){0,3}){0,3}(?:\\s+[·|•]\\s+[^·|•]{1,40}){0,3})$`,
  ].join(''),
  'u',
);

/** First characters of BYLINE_LINE's alternatives: 本报记者…撰稿, the box marks, 文/图, By. */
const BYLINE_OPENERS = charSet('本新人特记記通评評撰□■◎●○△▲文图圖B');
const PHOTO_MARKS = charSet('摄攝');

/** Picture agencies and stock libraries, as credits name them at the end of a caption. */
const PICTURE_AGENCY = '(?:Getty Images|Getty|iStock(?:photo)?|Shutterstock|Reuters|AFP|AP Photo|AP|Associated Press|EPA|Alamy|Corbis|Bloomberg|Xinhua)';

/**
 * A photo credit at the end of a line: `。 记者 柯俊彬 摄`, `柯俊彬 摄`, `（新华社记者 李贺 摄）`, `新华社发`,
 * `张秀峰摄（影像中国）` (the picture's agency in brackets after it), `黄炜鑫 高森 摄影报道` (a photo story's).
 */
const HAN_CREDIT_END = new RegExp(
  [
    `(?:^|[\\s。！？）)])[（(]?(?:(?:新华社|新華社|本报|本報|人民日报|人民日報)?(?:特约|特約)?(?:记者|記者|通讯员|通訊員))?\\s*${NAMES}\\s*(?:摄|攝|摄影|攝影)(?:报道|報道)?(?:[）)]|[（(][\\p{Script=Han}]{2,8}[）)])?$`,
    '|(?:新华社发|新華社發|供图|供圖|资料图片|資料圖片|视觉中国|視覺中國)[）)]?$',
  ].join(''),
  'u',
);
/** A photo story's credit (杨文明 吴志龙摄影报道): the pictures and their captions are the story. */
const PHOTO_STORY_CREDIT = /(?:摄影|攝影)(?:报道|報道)[）)]?$/u;

export function creditsPhotoStory(raw: string): boolean {
  return PHOTO_STORY_CREDIT.test(raw);
}

/** Last characters of HAN_CREDIT_END (摄, 摄影报道, 新华社发, 资料图片, 视觉中国…, a closing bracket). */
const HAN_CREDIT_TAILS = charSet('摄攝影道发發图圖片国國）)');

/**
 * The same in English and the like: `Photo by Jane Doe`, `Top photo: Jane Doe`, `(Bild: Hersteller)`,
 * `Credit…Doug Mills/The New York Times`, `Mark Stout/iStock/Getty Images`.
 */
const LATIN_CREDIT_END = new RegExp(
  [
    "(?:^|[.!?)]\\s)(?:(?:Top|Main|Lead|Header|Cover|Featured)\\s+)?(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage|[Ii]llustration)(?:\\s+by|:|\\s+credit:?)\\s+[A-Z][\\w.'-]+(?:\\s+[A-Z][\\w.'-]+){0,3}\\.?$",
    '|[(（](?:Photo|Foto|Bild|Image|Picture|Credit|Reuters|AP|AFP|EPA|Getty Images|Xinhua)\\b[^)）]{0,40}[)）]$',
    '|(?:^|[.!?”"’)]\\s+)(?:(?:Photo|Image|Video)\\s+)?[Cc]redits?(?::|\\.{3}|…)\\s*[A-Z][^.!?]{0,80}$',
    '|(?:^|[.!?”"’)]\\s+)Credit\\s+[A-Z][^.!?]{0,60}\\/[^.!?]{0,60}$',
    // A picture agency after a slash or dash.
    `|(?:^|[\\/／]\\s*|\\s[—–-]\\s)${PICTURE_AGENCY}[)）]?$`,
  ].join(''),
  'u',
);
/** The words LATIN_CREDIT_END needs, one of which every credit it reads holds; it ends on a letter, digit, `.`, `'`, `-` or a bracket. */
const LATIN_CREDIT_WORD = /[Pp]hoto|[Pp]icture|[Ii]mage|[Ii]llustration|[Cc]redit|Foto|Bild|Getty|iStock|Shutterstock|Reuters|AFP|AP|Associated Press|EPA|Alamy|Corbis|Bloomberg|Xinhua/;
const LATIN_CREDIT_TAIL = /[\w.'\-)）]$/;

/** Two photo captions printed side by side come out as one line with a gap after a full stop. */
const CAPTION_GAP = /[。！？][ \u3000]+[^\s]/u;

/** Page furniture that belongs to no article: editor credits, source notes, share prompts, dates. */
const DATE = '\\d{4}\\s*(?:[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}|年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?';
/** Furniture that opens with its label: editor and source credits, publication times, buttons. */
const LABELLED_CHROME = new RegExp(
  [
    // Editor, source and proofreading credits: 责任编辑：张弛, 来源：人民日报, 校对：刘畅 审核：李卓
    '^[（(【\\[]?\\s*(?:责任编辑|責任編輯|本版编辑|本版編輯|本版责编|本版責編|美术编辑|美術編輯|责编|責編|编辑|編輯|校对|校對|审核|審核|本文来自|本文來自|来源|來源|原标题|原標題)[:：\\s][^，、；,;]{0,40}$',
    '|^(?:Published|Updated|Posted|Last updated|发布时间|發佈時間|发布于|更新时间|時間|时间)[:：\\s]',
    // Buttons and prompts.
    // (Photo, Image and Video alone are where a picture or player stood.)
    '|^(?:Advertisement|Sponsored|Share(?: this(?: article| story)?)?|Comments?(?: \\(\\d+(?: posted)?\\))?|Print|Subscribe|Save|Listen to this article|\\d+ min read|Photo|Image|Video|Fullscreen|Continue reading(?: the main story)?|Order Reprints|广告|分享|分享到[:：]?.{0,10}|字号[:：].{0,8}|【(?:字体|字號|字号)[:：].{0,10}】|【纠错】|【糾錯】|打印|打印本页|关闭窗口|關閉窗口|点击查看更多|點擊查看更多|关注我们|關注我們|返回顶部|返回頂部)$',
  ].join(''),
  'iu',
);
/** Furniture built around a number or a separator: running heads, page numbers, dates, breadcrumbs. */
const NUMBERED_CHROME = new RegExp(
  [
    // Running heads: 重庆日报 7月12日; edition lines: 第3版 要闻
    '^[\\p{Script=Han}]{2,10}(?:日报|日報|晚报|晚報|时报|時報|商报|商報|早报|早報|周刊|週刊)\\s*(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日(?:\\s*星期.)?$',
    '|^(?:第\\s*)?[A-Z]?\\d{1,2}\\s*版(?:[:：\\s].{0,16})?$',
    // A page number alone: 12, A4
    '|^[A-Z]?\\d{1,2}$',
    // A page number with the page's section: 7 文化, A4 要闻
    '|^[A-Z]?\\d{1,2}\\s+(?![个万亿元名人年月日次项家件位台辆条所座])[\\p{Script=Han}]{2,4}$',
    // or the other way round: 综合12, 经济 13
    '|^[\\p{Script=Han}]{2,3}\\s*[A-Z]?\\d{1,2}$',
    // Date lines, alone or with a time, a source or a reading time: 2024/2/8 20:52  来源：央视网
    `|^${DATE}(?:\\s*${TIME})?(?:\\s|$)`,
    // A video player's clock: 8:09, Current Time 0:00
    `|^(?:(?:Current|Duration|Remaining) Time\\s*)?-?${TIME}$`,
    `|^[\\p{Script=Han}A-Za-z]{2,10}\\s+${DATE}(?:\\s*${TIME})?$`,
    `|^[^。！？!?]{0,20}${DATE}\\s*${TIME}[^。！？!?]{0,30}$`,
    // Breadcrumbs: Home / Region / Economy, 新华网 › 文化 › 正文, 中国新闻网-国内
    '|^[^。，,.!?！？；：、“”（）()]{1,16}(?:(?:\\s+\\/\\s+|\\s*[>»›]\\s*)[^。，,.!?！？；：、“”（）()/>»›]{1,16}){1,5}$',
    '|^[\\p{Script=Han}]{1,8}(?:网|網|报|報|社|台|频道|頻道)\\s*[-－—/]\\s*[\\p{Script=Han}]{2,6}$',
  ].join(''),
  'iu',
);
/**
 * First characters of LABELLED_CHROME's alternatives, in either case (`ſ` is an `s` to a
 * case-blind pattern). A text opening with a space may still match: the pattern skips it.
 */
const CHROME_LABEL_OPENERS = charSet('（(【[责責编編校审審本来來原发發更時时美PpUuLlAaSsſCcIiVvFfOo0123456789广分字打关關点點返');
const OPENING_SPACE = /^\s/;
/** What every NUMBERED_CHROME alternative needs: a digit, or a breadcrumb or name-section separator. */
const NUMBER_OR_SEPARATOR = /[\d\/>»›\-－—]/;
/** A heading over a list of links to other articles: the lines under it are not this page's text. */
const LINK_LIST_HEADER = /^(?:相关新闻|相關新聞|相关阅读|相關閱讀|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热点推荐|Read more|Related(?: articles| stories| news)?|More stories|Most read)[:：]?$/iu;
const LINK_LIST_OPENERS = charSet('相推延热RrMm');

/** A line of rule marks or asterisks (___, * * *, ———) between parts of a text: no words. */
/** A lead-in that goes on into the headline under it (西班牙桑坦德——, 克服晚播影响，……——). */
export const LEAD_IN = /[—―]{2}$/;
/** A line of nothing but a double dash: a kicker's end (——) wrapped onto a line of its own (辽宁激励各级领导干部 / ——). */
export const WRAPPED_DASHES = /^[—―]{2}$/;
/** A line opening with a double dash: a subtitle under its headline (——来自…), or a quote's attribution under text. */
export const DASH_OPENED = /^[—―]{2}/;

const SEPARATOR_LINE = /^[\s_*=~·•.\-–—―]{3,}$/u;
const SEPARATOR_MARKS = charSet('_*=~·•.-–—―');

/** Longest furniture line (a label, a date and time, a page number with its section): set by hand, no recorded evidence. */
const MAX_CHROME_LINE_CHARS = 90;

export function isChromeLine(text: string): boolean {
  if (text.length > MAX_CHROME_LINE_CHARS) return false;
  if (startsWithOneOf(text, SEPARATOR_MARKS) && SEPARATOR_LINE.test(text)) return true;
  const labelled = (startsWithOneOf(text, CHROME_LABEL_OPENERS) || OPENING_SPACE.test(text)) && LABELLED_CHROME.test(text);
  return labelled || (NUMBER_OR_SEPARATOR.test(text) && NUMBERED_CHROME.test(text));
}

/**
 * Furniture of a Chinese newspaper page, furniture wherever it stands (also right after a line cut
 * mid-sentence, as a copy with no blank lines puts it):
 * - a running head: the date with its weekday or edition, beside the paper's name, the page's
 *   section and number (人民日报产经 2026年4月8日 星期三 18, 5 要闻 人民日报 2026年4月11日 星期六,
 *   2026年4月8日 星期三 人民日报 第01版：要闻);
 * - an editors' line: the page's editors and designer, its mailbox, maybe its number
 *   (本版责编：王云杉 版式设计：汪哲平, 一版责编：胡安琪 … 二版责编：…, 责任编辑：李卓 第9版);
 * - a jump line, where an article goes on or comes from another page (转第2版, （上接第一版）).
 */
const PAGE_NAME = '[\\p{Script=Han}·]{2,8}';
const PAGE_NUMBER = '(?:第\\s*[A-Z]?\\d{1,2}\\s*版(?:\\s*[:：]\\s*[\\p{Script=Han}·]{2,8})?|[A-Z]?\\d{1,2})';
const RUNNING_HEAD = new RegExp(
  `^(?:(?:${PAGE_NAME}|${PAGE_NUMBER})\\s*){0,3}\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:(?:星期|礼拜|禮拜|周|週)[一二三四五六日天](?:\\s*(?:${PAGE_NAME}|${PAGE_NUMBER})){0,3}|(?:${PAGE_NAME}\\s*)?第\\s*[A-Z]?\\d{1,2}\\s*版.{0,12})$`,
  'u',
);
/**
 * Labels of an editors' line: the page's editors, designer, picture editor, mailbox; the mailbox may
 * close with the page's call for contributions (欢迎广大读者来稿。来稿要求为原创首发，非一稿多投。).
 */
const EDITORS_LINE = /^(?:(?:本版|[一二三四五六七八九十]{1,3}版)(?:责编|責編|编辑|編輯)|责任编辑|責任編輯|版式设计|版式設計|美术编辑|美術編輯|图片编辑|圖片編輯|本版邮箱|本版郵箱)[:：\s][^。！？，；!?,;]{0,160}(?:欢迎[^。！？]{0,12}(?:来稿|投稿)[。！]?(?:[^。！？]{0,40}[。！])?)?$/u;
const JUMP = '(?:[上下]?[转轉接]|[转轉接]自)\\s*第?\\s*[A-Z]?[\\d一二三四五六七八九十]{1,3}\\s*版';
const JUMP_LINE = new RegExp(`^[（(]?\\s*${JUMP}\\s*[）)]?$`, 'u');
/** A jump note in brackets opening a line of text: （接第一版）从“靠山吃山”到…. */
const OPENING_JUMP_NOTE = new RegExp(`^[（(]\\s*${JUMP}\\s*[）)]`, 'u');

const saysWhereFrom = (jump: string) => jump.includes('接') && !jump.includes('下接');

/** A jump line that says where the text under it came from (（上接第1版）, 接第一版): a continuation's headline stands over it. */
export function isContinuedFrom(text: string): boolean {
  return JUMP_LINE.test(text) && saysWhereFrom(text);
}

/**
 * The jump note opening a continuation's first line of text (（接第一版） in （接第一版）从“靠山吃山”到…):
 * page furniture on a line of text, never a headline's, with the continued story's headline over it.
 */
export function continuedFromNote(text: string): string | undefined {
  const note = OPENING_JUMP_NOTE.exec(text);
  return note !== null && note[0].length < text.length && saysWhereFrom(note[0]) ? note[0] : undefined;
}

/** What every page-furniture pattern needs: 年 of a date, 版 of an edition or jump, or an editor's label. */
const PAGE_FURNITURE_MARK = /[年版编編设設邮郵]/;
/**
 * What `RUNNING_HEAD` needs: a year. Body text holds 年 often (2025年, 近年), and on such a line
 * the running head's pattern tries every way to cut its leading characters into page names first.
 */
const YEAR = /\d{4}\s*年/;

/** Longest line of newspaper page furniture (a jump line, an editors' line): set by hand, no recorded evidence. */
const MAX_PAGE_FURNITURE_CHARS = 200;
/** Longest running head (paper, date, weekday, page and section): set by hand, no recorded evidence. */
const MAX_RUNNING_HEAD_CHARS = 60;

/**
 * A paper's name alone on a line (人民日报): its masthead, or its running head cut into parts by a
 * copy that guessed columns across the head (`pdftotext` in its default mode).
 */
const PAPER_NAME = /^[\p{Script=Han}]{2,6}(?:日报|日報|晚报|晚報|时报|時報|商报|商報|早报|早報)$/u;
const MAX_PAPER_NAME_CHARS = 8;

export function isPageFurniture(text: string): boolean {
  if (text.length <= MAX_PAPER_NAME_CHARS && PAPER_NAME.test(text)) return true;
  if (text.length > MAX_PAGE_FURNITURE_CHARS || !PAGE_FURNITURE_MARK.test(text)) return false;
  return JUMP_LINE.test(text) || EDITORS_LINE.test(text) || (text.length <= MAX_RUNNING_HEAD_CHARS && YEAR.test(text) && RUNNING_HEAD.test(text));
}

/** Labels of the boxes that close or accompany an article, over a headline of their own. */
const SIDEBAR_LABEL = /^(?:记者手记|記者手記|编辑手记|編輯手記|编者按|編者按|记者观察|記者觀察|相关链接|相關鏈接|新闻链接|新聞鏈接|背景链接|背景鏈接|延伸阅读|延伸閱讀|链接|鏈接)$/;

export function isSidebarLabel(text: string): boolean {
  return SIDEBAR_LABEL.test(text);
}

/**
 * A column's or series' name with its part after a middle dot, a line of its own over a headline:
 * 大数据观察·春日消费, 深阅读·年轻干部在基层, 经济聚焦·农田里的新鲜事. (A foreign name, 马科斯·皮雷斯,
 * stands inside a line of text, not alone over a headline.)
 */
const SERIES_LABEL = /^[\p{Script=Han}\d“”]{2,10}·[\p{Script=Han}\d“”]{2,10}$/u;

export function isSeriesLabel(text: string): boolean {
  return text.includes('·') && SERIES_LABEL.test(text);
}

/**
 * A speaker named by post at the end of a headline block (人民日报出版社社长丁丁, 中国记协党组成员、
 * 书记处书记殷陆君, 江西省上饶市传媒集团党委委员、副总经理): one part of a collection of speeches or
 * interviews, over what that speaker said.
 */
const SPEAKER_POST = /(?:书记|部长|社长|台长|局长|厅长|处长|院长|所长|校长|主任|主席|委员|常委|教授|研究员|总编辑|主编|总经理|董事长|理事长|会长|秘书长|主理人|传承人|负责人|总监|馆长|县长|市长|省长|区长|镇长|乡长)\p{Script=Han}{0,4}$/u;

export function namesSpeakerByPost(text: string): boolean {
  return SPEAKER_POST.test(text);
}

/** Words wholly in quotation marks, with none inside: a speaker's words, or words lifted out of the text. */
const DRESSED_QUOTE = /^[“"「『]([^“”"「」『』]+)[”"」』]$/;

/** The words inside quotation marks that hold a whole text (“一步一步往上走”), or undefined. */
export function quotedWords(text: string): string | undefined {
  return DRESSED_QUOTE.exec(text)?.[1];
}

/**
 * A pull quote repeats words of the text, set again in large type: at least this many characters
 * of them (a shorter quote is as often a headline quoting a phrase). Set by hand, no recorded
 * evidence; both routes (a PDF's layout, copied text) ask it.
 */
export const MIN_PULL_QUOTE_CHARS = 8;

/** A headline or lead that presents a collection of speeches or interviews: 发言摘编, 本版摘编与会嘉宾精彩发言, 笔谈. */
const COLLECTION_MARK = /摘编|笔谈|座谈会|圆桌/;

export function presentsCollection(text: string): boolean {
  return COLLECTION_MARK.test(text);
}

/**
 * Common Chinese surnames (about 200 single ones, covering most people, and the usual compound
 * ones): an essay or commentary prints its author's bare name under its headline (杨旻蔚, 杨 欢).
 */
const SURNAMES = charSet(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝区郜阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇湛宾戎勾茅利於居揭干尉冶斯元束檀衣信展阴昝智幸奉植衡富尧',
);
const COMPOUND_SURNAME = /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|令狐|慕容|夏侯|司徒|宇文|长孙|南宫|西门)/;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * A line that is only a person's name: a common surname and two more characters, or two after a
 * compound surname; a name of two characters only spread to three's width (杨 欢), as a byline sets
 * it (two characters alone are as often a word: 向好).
 */
export function isPersonName(raw: string): boolean {
  // (Most lines asked are text: five Han characters say so before any copy of the line is made.)
  let han = 0;
  for (let i = 0; i < raw.length; i++) if (isHanCode(raw.charCodeAt(i)) && ++han > MAX_NAME_CHARS) return false;
  const name = raw.replace(/[\s\u3000]+/g, '');
  if (name.length < 2 || name.length > MAX_NAME_CHARS || !HAN_ONLY.test(name)) return false;
  if (COMPOUND_SURNAME.test(name)) return name.length >= 3;
  if (name.length === 2) return SPREAD_NAME.test(raw) && startsWithOneOf(name, SURNAMES);
  return name.length === 3 && startsWithOneOf(name, SURNAMES);
}
/** A surname and a given name: four characters at most (欧阳明月). */
const MAX_NAME_CHARS = 4;
const SPREAD_NAME = /^\p{Script=Han}[\s\u3000]+\p{Script=Han}$/u;

/** A heading that numbers its section or item: `3) Get Out`, `Step 2`, `二、`, `（三）`, `4.`. */
const NUMBERED_HEADING = /^(?:\d{1,3}(?:[.)、:：]|\s*[)）])|[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}[、.．]|(?:Step|Part|Chapter|Section|No\.)\s*\d)/iu;

export function isNumberedHeading(text: string): boolean {
  return NUMBERED_HEADING.test(text);
}

/**
 * A line that closes an article or points away from it: `Write to Al Root at …`, `Follow her on
 * Twitter`, `Read more: …`. Text, never a headline.
 */
const SIGN_OFF = /^(?:Write to|Contact (?:the )?(?:author|reporter|writer|us)|E-?mail (?:the )?(?:author|reporter|writer)|Follow (?:him|her|them|us|@)|Reach (?:him|her|them) at|Send (?:news )?tips|Read more|Continue reading|Read the (?:full|original|rest)|Related:|See also:|More:|Click here|Sign up)/i;

export function isSignOff(text: string): boolean {
  return SIGN_OFF.test(text);
}

/** An editor's note in brackets, part of the article's text: (本文来自澎湃新闻，更多原创资讯请下载…). */
const EDITORS_NOTE = /^[（(](?:本文|本報|本报|来源|來源|原题|原題|原标题|原標題|编者按|編者按|作者|注[:：])/u;

/** A date alone on its line (2026年4月7日, 2024-02-08): under a name, it signs a letter or speech. */
const DATE_ALONE = new RegExp(`^${DATE}$`, 'u');

export function isDateAlone(text: string): boolean {
  return DATE_ALONE.test(text);
}

export function isEditorsNote(text: string): boolean {
  return EDITORS_NOTE.test(text);
}

export function isLinkListHeader(text: string): boolean {
  return startsWithOneOf(text, LINK_LIST_OPENERS) && LINK_LIST_HEADER.test(text);
}

export interface Dateline {
  dateline: string;
  byline?: string;
}

/** The dateline opening a paragraph, if any. */
export function matchDateline(text: string): Dateline | undefined {
  if (!startsWithOneOf(text, DATELINE_OPENERS)) return undefined;
  const match = DATELINE.exec(text);
  if (!match) return undefined;
  const dateline = match[0].replace(/[\s—–-]+$/, '').trim();
  const rest = text.slice(match[0].length).trimStart();
  const byline = DATELINE_BYLINE.exec(rest);
  return byline ? { dateline, byline: byline[1]!.trim() } : { dateline };
}

/**
 * Longest byline line: names with a role and a time (By Jane Doe · Staff Writer · Published March 3, 2025).
 * Set by hand, no recorded evidence (structured.ts's MAX_BYLINE_LINE_CHARS, 100, bounds a line holding
 * a byline the capture already knows).
 */
const MAX_BYLINE_CHARS = 80;

export function isBylineLine(text: string): boolean {
  // `记者 柯俊彬 摄` is a photo credit, not a byline.
  return text.length <= MAX_BYLINE_CHARS && startsWithOneOf(text, BYLINE_OPENERS) && !endsWithOneOf(text, PHOTO_MARKS) && BYLINE_LINE.test(text);
}

/** Longest line that is asked whether it ends in a photo credit (a caption paragraph and its credit): set by hand, no recorded evidence. */
const MAX_CREDITED_LINE_CHARS = 400;

/** True when the captured line ends with a photo credit. */
export function endsWithCredit(raw: string): boolean {
  if (raw.length > MAX_CREDITED_LINE_CHARS) return false;
  if (endsWithOneOf(raw, HAN_CREDIT_TAILS) && HAN_CREDIT_END.test(raw)) return true;
  return LATIN_CREDIT_TAIL.test(raw) && LATIN_CREDIT_WORD.test(raw) && LATIN_CREDIT_END.test(raw);
}

/** Most spaces between single Han characters on a line of captions side by side: more show a justified line. Set by hand, no recorded evidence. */
const MAX_CAPTION_LINE_GAPS = 1;

/** True for a line holding two or more captions side by side (`…纳凉。 市民在…`), judged on the raw line. */
export function hasCaptionGap(raw: string, gaps: number): boolean {
  return gaps <= MAX_CAPTION_LINE_GAPS && CAPTION_GAP.test(raw);
}

/** A headline printed twice as display art: `纳凉纳凉` (from `纳 凉纳 凉`) is `纳凉`. */
export function undouble(text: string): string {
  return isDoubled(text) ? text.slice(0, text.length / 2) : text;
}

export function isDoubled(text: string): boolean {
  if (text.length < 4 || text.length % 2 !== 0) return false;
  // Compared in place: asked of most short lines, and most differ at the first character.
  const half = text.length / 2;
  for (let i = 0; i < half; i++) if (text.charCodeAt(i) !== text.charCodeAt(half + i)) return false;
  return true;
}
