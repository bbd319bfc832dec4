// Chinese surnames, the one list for every stage: a byline token is a name if it starts with one (segment.ts), and
// a village the register lacks is usually named for a family (王庄村, 宫庄村), so its name starts with one (places).
// Source: the union of the two lists the engine kept before: segment.ts's byline list (397 characters, in the order
// of the Ministry of Public Security's yearly ranking of surnames by population, 2019–2020; its exact edition was not
// recorded) and place-aliases.ts's village list, which added 萧 傅 阎 赖 洪 (traditional variants and 百家姓 entries).
// Compound surnames from the 百家姓.

export const SURNAME_CHARS =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆" +
  "汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍" +
  "庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华" +
  "喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和" +
  "仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉" +
  "伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘" +
  "亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由" +
  "萧傅阎赖洪";

export const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "令狐",
  "司徒",
  "夏侯"
];

/** Surnames that are also the commonest function words (和, 来, 都, 由, 那, 全, 国 …): a name part that starts with one
 * is more often a clause (`和王庄村`, `全村`) than a village, so village names are not looked for from them. */
export const SURNAMES_AS_FUNCTION_WORDS = "和来都但由那全国原相初应";
