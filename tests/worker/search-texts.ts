// Two ordinary articles for the search tests. Some words occur only in their bodies: the
// Chinese 防滑石材 (four characters), 扶手 (two) and 梯 (one), and the English name Okafor.
export const ZH_ARTICLE = `山城步道串起老街新生活

本报重庆7月30日电 今年以来，渝中区持续推进山城步道建设，已建成步道二十余条，总长超过四十公里。步道连接老街、公园和轨道站点，方便居民出行。

区住房城乡建设委员会负责人介绍，步道建设坚持“一道一策”，保留原有石梯和黄葛树，沿线增设休息平台和指示标识。

在十八梯一带，改造后的步道吸引了大量游客。附近商户说，客流比去年同期增长了三成，小面馆和茶馆的生意明显好转。

居民老周每天早上沿步道散步。他说，过去这里坡陡路窄，雨天湿滑，如今铺上了防滑石材，还装了扶手，老人走起来也放心。

下一步，渝中区将把步道与社区养老服务点连起来，让老人就近享受助餐、理发等服务。工程由街道牵头，预计年底完工。
`;

export const EN_ARTICLE = `City council approves new riverside park

The city council voted on Tuesday to approve a new riverside park on the site of the former freight yard. The plan includes walking paths, a playground and a small amphitheater for summer concerts.

Construction is expected to begin next spring and to last about eighteen months. The council estimates the total cost at twelve million dollars, most of it covered by a state grant.

Residents who spoke at the meeting were mostly in favor. Several asked that the park keep the old brick water tower, which the plan now does.

The landscape architect, Chidi Okafor, said the design would plant native grasses along the bank to slow erosion during spring floods.
`;
