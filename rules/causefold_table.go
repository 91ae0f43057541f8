// Code generated from OpenCC's dictionary/TSCharacters.txt (Apache-2.0; as
// shipped in github.com/longbridgeapp/opencc v0.3.13); DO NOT EDIT by hand.
// Regenerate as docs/causes.md ("Traditional characters") says.

package rules

// traditionalPairs holds, pair by pair, a traditional character and the
// simplified one the cause catalogues write: every TSCharacters.txt entry
// whose (first) simplified form occurs in a catalogue name, alias or suffix
// family, or in the words the rules read in a written cause, and whose
// traditional form occurs in none of them (著 stays 著: the catalogue writes
// 著作权, and OpenCC's 著 → 着 would break it).
const traditionalPairs = "丟丢並并乾干亂乱佈布佔占併并來来係系俬私倉仓個个偽伪備备傢家傳传債债傷伤傾倾僞伪僱雇價价償偿優优儲储兌兑兒儿內内冊册凍冻別别則则剋克剝剥創创劃划劑剂動动務务勝胜" +
	"勞劳勢势勵励匯汇區区協协卹恤參参員员單单噁恶噹当嚮向囑嘱國国圖图團团埰采執执報报場场塗涂塢坞墜坠墾垦壓压壞坏壟垄壽寿夥伙奪夺奬奖奮奋妝妆姦奸娛娱婦妇學学寀采實实" +
	"審审專专尋寻對对導导屍尸屬属嶺岭帳帐帶带幣币幫帮幹干庫库廢废廣广弔吊強强彆别彈弹彔录彙汇後后從从復复徵征惡恶態态慣惯慶庆憑凭應应懸悬戰战戶户拋抛掛挂採采揚扬換换" +
	"損损搖摇搶抢摺折撈捞撥拨撫抚擊击擔担據据擬拟擴扩擾扰攜携攝摄攬揽敎教敗败敵敌數数斷断於于旂旗時时暫暂曏向書书會会朮术東东枴拐柺拐査查條条棄弃業业極极榦干榮荣構构" +
	"槍枪樁桩樂乐標标樣样機机橫横檔档檢检檯台權权歸归殘残殯殡殺杀毀毁毆殴氣气汙污決决沒没沖冲洩泄減减測测準准滅灭滌涤滙汇滯滞滾滚漁渔濟济濫滥瀆渎瀕濒灘滩灣湾為为無无" +
	"熱热營营燬毁爭争爲为狀状獄狱獎奖獨独獲获獵猎獸兽現现環环產产産产畢毕異异當当療疗發发盜盗監监眾众瞞瞒確确碼码礙碍礦矿祕秘稅税種种稱称穢秽穫获窩窝竊窃競竞箇个節节" +
	"築筑簽签籤签糰团糾纠紀纪約约納纳級级紛纷紹绍組组結结絕绝絡络給给統统絶绝綁绑經经綫线網网綵彩緊紧線线締缔編编練练緻致縱纵織织繫系繳缴繼继續续罰罚羣群義义習习翫玩" +
	"聯联聲声職职聽听脩修脫脱臨临臺台與与興兴舉举葯药蒐搜蔘参薦荐藥药處处虛虚虜虏號号衆众術术衕同衛卫衝冲補补裝装製制複复褻亵襲袭覈核見见規规視视親亲覽览觀观觸触訂订" +
	"計计訊讯討讨訓训託托記记訟讼設设許许訴诉診诊註注証证詆诋詐诈評评詢询試试誌志認认誘诱誣诬誤误誹诽調调請请諜谍諮咨諾诺謊谎謗谤謠谣謡谣證证識识譟噪譭毁譯译議议護护" +
	"譽誉變变讓让負负財财貨货販贩貪贪責责貴贵買买貸贷費费貿贸賂赂賃赁賄贿資资賞赏賠赔賣卖質质賬账賭赌購购贈赠贍赡贓赃贜赃跡迹蹟迹蹤踪車车軍军軟软載载輛辆輯辑輸输轉转" +
	"辦办辭辞辯辩農农迴回進进遊游運运過过達达違违遞递適适遷迁選选遺遗還还邊边郵邮鄉乡鄰邻醫医釁衅釋释釦扣鉅巨銀银銷销錄录錢钱録录錶表鎭镇鎮镇鏈链鐵铁門门閉闭開开閑闲" +
	"閒闲間间閤合關关陣阵陳陈陸陆隊队際际險险隱隐隻只離离難难電电響响頂顶項项預预頒颁領领頭头題题額额顛颠類类風风颱台飛飞飲饮飼饲飾饰養养餘余駁驳駐驻駕驾駛驶騙骗騷骚" +
	"驗验體体髮发鬥斗鬨哄麪面麫面麵面點点齡龄齣出"

// caseNumberTraditionalPairs holds, pair by pair, the TSCharacters.txt
// entries (same source and version) whose simplified form a case number's
// court or type code writes (highCourts, supremeCourt, specialDivision,
// the keys of caseTypes, and 号) and which traditionalPairs does not hold
// already: a case number typed on a traditional-character input method
// (（2024）蘇0106民終1號) is the case of its simplified spelling
// (FilingKey).
const caseNumberTraditionalPairs = "囌苏寧宁晉晋滬沪瓊琼甦苏甯宁粵粤終终蘇苏贛赣轄辖遼辽閩闽陝陕雲云魯鲁"
