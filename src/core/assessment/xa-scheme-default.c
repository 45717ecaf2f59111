/* xa-scheme-default.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default assessment scheme (domain.md §2.3): 百分制 in seven first-level indicators
 * A–G and 26 second-level ones, each linked to the clauses of the 2021–2022 目标责任书
 * (data/templates/agreement-2021-2022.json: s1.1 is 一(一), s2.2 二(二) "九无", s3.2 三(二)),
 * the four veto items V1–V4, the H rule and the grades 90 / 80 / 60. Its texts are the
 * district's documents in Chinese (data, as the default template is), not UI strings.
 */

#include "config.h"

#include "xa-scheme.h"

typedef struct
{
  const char      *code;
  const char      *group;
  double           points;
  const char      *content;
  const char      *standard;
  const char      *method;
  const char      *clauses;   /* space-separated clause ids */
  const char      *source;    /* evidence source key, or NULL */
  XaDeductionKind  kind;
  double           parameter; /* per item, or fixed */
} DefaultIndicator;

static const struct
{
  const char *code;
  const char *title;
  double      points;
} default_groups[] = {
  { "A", "组织领导与责任落实", 15 },
  { "B", "安稳基础与综治维稳", 20 },
  { "C", "隐患排查治理", 20 },
  { "D", "安全教育与应急演练", 20 },
  { "E", "专项整治与违法犯罪预防", 10 },
  { "F", "制度与档案", 5 },
  { "G", "管理效果“九无”", 10 },
};

static const DefaultIndicator default_indicators[] = {
  { "A1", "A", 3, "安全稳定/综治领导小组健全；主要领导为第一责任人、分管领导为直接责任人；“谁主管、谁负责”“一岗双责”；岗位安全职责明确",
    "未成立领导小组扣3分；责任人未明确或变更后未及时调整扣1分；无岗位安全职责扣1分", "文件、分工表", "s1.1",
    "registry.responsible_unnamed", XA_DEDUCTION_PER_ITEM, 1 },
  { "A2", "A", 3, "层层签订安全责任书（学校—处室/年级—班主任/教职工—家长），责任到人",
    "每缺一层扣1分", "责任书", "s1.1", NULL, XA_DEDUCTION_PER_ITEM, 1 },
  { "A3", "A", 3, "纳入年度工作计划，“同计划、同检查、同总结、同奖惩”；学期有计划、期末有总结",
    "无计划扣1分；无总结扣1分；每缺一个“同”扣0.5分", "计划、总结", "s1.1", NULL, XA_DEDUCTION_MANUAL, 0 },
  { "A4", "A", 3, "领导班子每学期至少2次专题研究安全稳定工作",
    "每少一次扣1分", "会议记录、签到、照片", "s1.1", NULL, XA_DEDUCTION_PER_ITEM, 1 },
  { "A5", "A", 3, "“制度落实、人员落实、经费落实”；安全宣传教育及培训有专项经费（五有之②）",
    "无专项经费扣2分；人员未落实扣1分", "预算、支出凭证", "s1.1 s2.1", NULL, XA_DEDUCTION_MANUAL, 0 },

  { "B1", "B", 4, "定期开展矛盾纠纷排查化解，有台账，化解师生家长关注的热点难点",
    "无排查台账扣2分；每起未化解导致越级上访的纠纷扣2分（造成恶劣影响的按V3否决）", "矛盾纠纷台账", "s1.2",
    "disputes.petitions", XA_DEDUCTION_PER_ITEM, 2 },
  { "B2", "B", 3, "重点人员建档管理和心理疏导",
    "未建档扣2分；无疏导记录扣1分", "重点人员档案", "s1.2", "key_persons.no_counselling", XA_DEDUCTION_ANY, 1 },
  { "B3", "B", 4, "门岗、宿舍、保安、值班带班制度落实（来访登记、24小时值守、领导带班）",
    "每项制度未落实扣1分", "登记簿、值班表", "s1.2", NULL, XA_DEDUCTION_PER_ITEM, 1 },
  { "B4", "B", 5, "校园“三防”：人防（保安配备、培训）、物防、技防（视频监控、一键报警）正常运行；台账、视频资料规范管理",
    "保安配备不足扣2分；每处故障设备未修复扣1分；视频、台账资料管理不规范扣1分", "现场、系统日志", "s1.2", NULL,
    XA_DEDUCTION_MANUAL, 0 },
  { "B5", "B", 2, "“六位一体”监管机制（学校领导、中层干部、安稳人员、年级班级、校园警务勤务、家长委员会）；安稳干部队伍",
    "未建立机制扣2分；无运行记录扣1分", "机制文件、记录", "s1.2", NULL, XA_DEDUCTION_MANUAL, 0 },
  { "B6", "B", 2, "安全信息、事故按时限报送",
    "每迟报一次扣1分（瞒报、谎报按V4否决）", "报送记录", "", "incidents.late_reports", XA_DEDUCTION_PER_ITEM, 1 },

  { "C1", "C", 5, "日巡查、周检查、月排查、学期全面排查及节假日、汛期专项检查（五有之④）",
    "每缺一次月排查扣0.5分；无学期全面排查扣2分；周检查记录不全扣1分", "检查记录表", "s2.1",
    "inspections.missed_monthly", XA_DEDUCTION_PER_ITEM, 0.5 },
  { "C2", "C", 6, "隐患台账按“排查、记录、整改、复查、销号”闭环管理，要素齐全",
    "无台账扣6分；每条缺复查或销号的扣0.5分", "隐患台账", "s1.2", "hazards.unclosed", XA_DEDUCTION_PER_ITEM, 0.5 },
  { "C3", "C", 6, "整改时效：一般隐患按期整改；重大隐患“措施、责任、资金、时限、预案”五落实、挂牌督办并书面报告区教委",
    "每项逾期隐患扣1分；重大隐患未报告扣3分", "台账、报告", "s1.2", "hazards.overdue", XA_DEDUCTION_PER_ITEM, 1 },
  { "C4", "C", 3, "重点部位专项检查：校舍、消防、用电用气、特种设备、食堂食品、实验室危化品、体育设施",
    "每缺一类扣0.5分", "专项检查表", "s2.2", "inspections.missing_categories", XA_DEDUCTION_PER_ITEM, 0.5 },

  { "D1", "D", 5, "师生员工安全教育受教育面达到99.5%以上",
    "受教育面≥99.5%不扣分；99.0%至99.5%扣2分；低于99.0%扣5分", "教育记录", "s1.3", "education.coverage",
    XA_DEDUCTION_STEPPED, 0 },
  { "D2", "D", 4, "法治、安全教育课“四落实”：计划、课时、教材、师资",
    "每缺一项扣1分", "课表、教案", "s1.3", "education.four_implementations", XA_DEDUCTION_PER_ITEM, 1 },
  { "D3", "D", 3, "聘请法治副校长、法治辅导员；法治副校长每年承担或组织不少于4课时法治教育",
    "未聘请扣3分；无履职记录扣1分", "聘书、活动记录", "s1.3", "education.legal_lessons", XA_DEDUCTION_ANY, 1 },
  { "D4", "D", 4, "应急预案健全；中小学每月至少1次、幼儿园每季度至少1次应急疏散演练（五有之③）",
    "每少一次演练扣0.5分；无评估记录扣1分", "演练记录", "s2.1", "drills.missed", XA_DEDUCTION_PER_ITEM, 0.5 },
  { "D5", "D", 2, "教职工安全培训；特殊工种持证上岗",
    "无培训记录扣1分；无证上岗另在G项扣分", "培训记录、证书", "s2.2", NULL, XA_DEDUCTION_MANUAL, 0 },
  { "D6", "D", 2, "家校联系，向家长普及安全知识（家长会、告家长书、平台提醒）",
    "每学期无家校安全联系扣1分", "回执、记录", "s1.3", NULL, XA_DEDUCTION_PER_ITEM, 1 },

  { "E1", "E", 7, "配合开展水陆交通、汛期地灾、食品、消防、防溺水、防震减灾、防电信诈骗、防欺凌、反恐防暴、疫情防控、反邪教、管制刀具收缴、校园周边整治、专项整治三年行动、禁毒防邪等专项整治，各有方案、记录、总结",
    "每项未开展扣1分，扣完为止", "方案、记录、总结", "s1.4", "campaigns.not_done", XA_DEDUCTION_PER_ITEM, 1 },
  { "E2", "E", 3, "学困生教育转化、控辍保学；防校园欺凌、暴力、黄赌毒；降低学生违法犯罪率",
    "辍学学生未按要求劝返扣1分；欺凌事件处置不当扣2分", "台账", "s1.3", NULL, XA_DEDUCTION_MANUAL, 0 },

  { "F1", "F", 2, "安全制度、应急预案、安全稳定考核奖惩机制健全",
    "每缺一项扣0.5分", "制度汇编", "s1.5", "safety_plan.missing", XA_DEDUCTION_PER_ITEM, 0.5 },
  { "F2", "F", 3, "建立完整、规范的安全管理档案（五有之⑤）",
    "每缺一类扣1分；弄虚作假扣3分", "档案", "s2.1", NULL, XA_DEDUCTION_PER_ITEM, 1 },

  { "G1", "G", 10, "“九无”：①上放学高峰时段无教职员驾乘交通工具进出校门；②无使用危房和有安全隐患的设施设备；③无违规使用电器、特种设备、燃气；④无非法参与危爆物品活动；⑤无学生拥挤踩踏；⑥无私自或违规组织学生郊游、远距离观光；⑦无学生私自下河塘水库游泳；⑧无未经培训或不合格的特殊工种人员上岗；⑨无采购、出售不合格食品",
    "每发现一起扣2分，扣完为止；造成事故的按V1或H项处理", "检查、通报", "s2.2", "incidents.nine_no",
    XA_DEDUCTION_PER_ITEM, 2 },
};

static const struct
{
  const char *code;
  const char *text;
  const char *basis;
} default_vetoes[] = {
  { "V1", "发生校园责任事故或较大以上事故（“八杜绝”所列火灾、校舍房屋垮塌伤亡、师生群体交通事故、食物中毒、拥挤踩踏伤亡、流行病大面积传染、学生溺水、责任事故）",
    "责任书二(三)、三(二)" },
  { "V2", "发生较大治安（刑事）责任事故，或影响恶劣的治安刑事案件", "责任书三(二)、二(三)" },
  { "V3", "职工越级或集体上访造成恶劣影响", "责任书三(二)" },
  { "V4", "瞒报、谎报、漏报安全事故", "各地考核细则通行做法" },
};

/**
 * xa_scheme_new_default:
 *
 * Returns: (transfer full): the default scheme of domain.md §2.3 for @school_year,
 *   unstored (version 0)
 */
XaScheme *
xa_scheme_new_default (int school_year)
{
  XaScheme *scheme = xa_scheme_new (school_year);
  static const XaDeductionStep coverage_steps[] = { { 99.5, 0 }, { 99.0, 2 } };

  xa_scheme_set_title (scheme, "学校安全稳定工作目标考核细则");
  xa_scheme_set_total (scheme, 100);
  for (guint i = 0; i < G_N_ELEMENTS (default_groups); i++)
    xa_scheme_add_group (scheme, default_groups[i].code, default_groups[i].title, default_groups[i].points);

  for (guint i = 0; i < G_N_ELEMENTS (default_indicators); i++)
    {
      const DefaultIndicator *d = &default_indicators[i];
      g_autoptr(XaIndicator) indicator = xa_indicator_new (d->code, d->group, d->points);
      g_auto(GStrv) clauses = g_strsplit (d->clauses, " ", -1);

      xa_indicator_set_content (indicator, d->content);
      xa_indicator_set_standard (indicator, d->standard);
      xa_indicator_set_method (indicator, d->method);
      if (d->clauses[0] != '\0')
        xa_indicator_set_clause_ids (indicator, (const char * const *) clauses);
      xa_indicator_set_evidence_source (indicator, d->source);
      switch (d->kind)
        {
        case XA_DEDUCTION_PER_ITEM:
          xa_indicator_set_per_item (indicator, d->parameter);
          break;
        case XA_DEDUCTION_ANY:
          xa_indicator_set_any (indicator, d->parameter);
          break;
        case XA_DEDUCTION_STEPPED:
          xa_indicator_set_stepped (indicator, coverage_steps, G_N_ELEMENTS (coverage_steps), 5);
          break;
        case XA_DEDUCTION_MANUAL:
        default:
          break;
        }
      xa_scheme_add_indicator (scheme, indicator);
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_vetoes); i++)
    xa_scheme_add_veto (scheme, default_vetoes[i].code, default_vetoes[i].text, default_vetoes[i].basis);
  xa_scheme_set_h_rule (scheme, 5,
                        "“八杜绝”所列事件未构成否决的（如非责任、一般等级事故），每起从总分中扣5分，由考核组酌情认定");
  xa_scheme_set_cutoffs (scheme, 90, 80, 60);
  return scheme;
}
