/* xa-document-words.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words an agreement's PDF adds to its template's text. A document is written in
 * Chinese whatever language the interface speaks (LANG=C, en_US, the translations not
 * installed), so none of these goes through gettext: the interface says the same things
 * in its own translated words ("School's copy" in the detail's menu), the document says
 * them here. The names of roles come from xa_role_kind_to_chinese() for the same reason.
 * Macros rather than a table of strings, so that the compiler checks the formats.
 */

#pragma once

/* Which original a copy is (一式两份), at the top left of its first page. */
#define XA_DOCUMENT_COPY_COMMISSION  "区教委存"
#define XA_DOCUMENT_COPY_SCHOOL      "学校存"

/* A name not known yet, left to be written by hand. */
#define XA_DOCUMENT_BLANK_NAME       "＿＿＿＿"

/* In a party line under the title, a 第一责任人 who handed over during the year:
 * 王伟（2022年2月14日起由李强继任）: the first holder, the date of the handover and the
 * successor. */
#define XA_DOCUMENT_SUCCEEDED        "%s（%s起由%s继任）"

/* The school's supplementary clauses, after the template's text: a section of their own,
 * its heading saying whose they are, so that a commission clerk tells them from the
 * commission's text at a glance; numbered 1. 2. … */
#define XA_DOCUMENT_SUPPLEMENTS         "补充条款"
#define XA_DOCUMENT_SUPPLEMENTS_HEADING XA_DOCUMENT_SUPPLEMENTS "（学校补充）"
#define XA_DOCUMENT_SUPPLEMENT_NUMBER   "%u."

/* The comparison of two texts of a school's agreement (xa-diff-renderer.c): the title,
 * after the template's name (安全目标责任书对比); under it the school and the school year
 * (示例区实验小学 2021—2022学年度), then the two sides, each a template version or a
 * revision of the agreement (模板第1版 → 责任书第1版); the name offered for the file,
 * after the agreement's own (2150000113-示例区实验小学) and the two sides. */
#define XA_DOCUMENT_DIFF_TITLE            "%s对比"
#define XA_DOCUMENT_DIFF_SCHOOL           "%s %s"
#define XA_DOCUMENT_DIFF_TEMPLATE_SIDE    "模板第%d版"
#define XA_DOCUMENT_DIFF_AGREEMENT_SIDE   "责任书第%d版"
#define XA_DOCUMENT_DIFF_SIDES            "%s → %s"
#define XA_DOCUMENT_DIFF_FILE_NAME        "责任书对比 %s %s 至 %s.pdf"
#define XA_DOCUMENT_DIFF_SAME             "两个文本的每个条款内容都相同。"
/* The school's clauses in the comparison: after the template's, under the heading the
 * agreement prints over them (XA_DOCUMENT_SUPPLEMENTS_HEADING), each marked after its
 * number (2.【学校补充】【修改】) so that a page that starts among them still tells them
 * from the commission's; the line that says so under the counts, and their own counts. */
#define XA_DOCUMENT_DIFF_SUPPLEMENT_MARK  "【学校补充】"
#define XA_DOCUMENT_DIFF_SUPPLEMENT_KEY   "标有【学校补充】的是学校的补充条款，不是区教委模板的条款。"
#define XA_DOCUMENT_DIFF_SUPPLEMENT_COUNTS \
  "其中学校补充：新增 %u 条 · 删除 %u 条 · 修改 %u 条 · 移动 %u 条"

/* A document's title in the PDF's properties, with the school it is for:
 * 继任履责确认（示例区实验小学）. */
#define XA_DOCUMENT_TITLE_FOR_SCHOOL "%s（%s）"

/* The successor's acknowledgement, a page after the agreement of a school whose 第一责任人
 * changed during the year. */
#define XA_DOCUMENT_SUCCESSION_TITLE "继任履责确认"
/* 自2022年2月14日起，示例区实验小学第一责任人由王伟变更为李强。: the date, the school,
 * the role, the first holder and the successor. */
#define XA_DOCUMENT_SUCCESSION_CHANGE "自%s起，%s%s由%s变更为%s。"
/* The successor's promise: the successor, the date, the role, the agreement's title, its
 * section on succession (四、附则) and the school year. */
#define XA_DOCUMENT_SUCCESSION_PROMISE \
  "继任者%s自%s起担任学校%s，已知悉《%s》的全部内容，按照该责任书“%s”关于负责人变化" \
  "由继任者继续履行的约定，在%s剩余期间继续履行该责任书规定的职责任务。"
/* As above, for a template without a clause on succession: no section. */
#define XA_DOCUMENT_SUCCESSION_PROMISE_PLAIN \
  "继任者%s自%s起担任学校%s，已知悉《%s》的全部内容，在%s剩余期间继续履行该责任书规定" \
  "的职责任务。"
/* Where the successor signs. */
#define XA_DOCUMENT_SUCCESSION_SIGN  "继任者签名："

/* The hazard ledger (xa-ledger-renderer.c). Its title: the school, the school year's span
 * (2021—2022); the line under it: the school's identifier, the counts, the day it was
 * printed; an empty ledger's one row. */
#define XA_DOCUMENT_LEDGER_TITLE         "%s%s学年度安全隐患排查整改台账"
#define XA_DOCUMENT_LEDGER_SUMMARY       "共%u项，其中已销号%u项、逾期%u项　　　　制表日期：%s"
#define XA_DOCUMENT_LEDGER_EMPTY         "本学年度尚无隐患记录"
/* A 重大 hazard's temporary control measures, before its measures in the same cell. */
#define XA_DOCUMENT_LEDGER_TEMPORARY     "临时管控：%s"
#define XA_DOCUMENT_LEDGER_OVERDUE       "逾期"
/* The headings of the ledger's merged columns: who fixes it (整改责任部门 and 整改责任人,
 * shortened to fit), the re-inspection (who, when, result) and the closing (when, who). */
#define XA_DOCUMENT_LEDGER_RESPONSIBLE   "责任部门\n责任人"
#define XA_DOCUMENT_LEDGER_REINSPECTION  "复查情况"
#define XA_DOCUMENT_LEDGER_CLOSING       "销号情况"
/* The foot of the ledger: who filled it in (a name, or a blank to sign), the leader in
 * charge, the school's seal. */
#define XA_DOCUMENT_LEDGER_PREPARER      "填表人：%s"
#define XA_DOCUMENT_LEDGER_LEADER        "分管领导（签字）：%s"
#define XA_DOCUMENT_LEDGER_SEAL          "学校（盖章）"
#define XA_DOCUMENT_LEDGER_FILE_NAME     "安全隐患排查整改台账 %s %s"

/* A hazard's rectification notice (隐患整改通知书), to the department that fixes it: the
 * addressee (总务处李主任：), what was found when (2021年9月3日周查), the deadline. */
#define XA_DOCUMENT_NOTICE_TITLE         "隐患整改通知书"
#define XA_DOCUMENT_NOTICE_TO            "%s%s："
#define XA_DOCUMENT_NOTICE_BODY          "学校于%s%s中发现下列安全隐患，现通知你部门按下列措施限期整改。"
#define XA_DOCUMENT_NOTICE_DEADLINE      "请于%s前整改完毕，整改完成后报学校申请复查。"
#define XA_DOCUMENT_NOTICE_SIGNER        "负责人（签字）："
#define XA_DOCUMENT_NOTICE_RECEIPT       "整改责任人签收："
#define XA_DOCUMENT_NOTICE_RECEIPT_DATE  "签收日期："

/* The closing form of a hazard (隐患整改销号单). */
#define XA_DOCUMENT_CLOSING_TITLE        "隐患整改销号单"
#define XA_DOCUMENT_CLOSING_BODY         "经复查，该隐患已整改到位，复查合格，同意销号。"
#define XA_DOCUMENT_CLOSING_HISTORY      "复查记录"
/* One re-inspection in the history: its date, who, the result and, for a failed one,
 * why (2021年9月15日 王校长 不合格：线路仍未包扎). */
#define XA_DOCUMENT_CLOSING_ATTEMPT      "%s %s %s"
#define XA_DOCUMENT_CLOSING_REASON       "%s：%s"
#define XA_DOCUMENT_CLOSING_RESPONSIBLE  "整改责任人（签字）："
#define XA_DOCUMENT_CLOSING_REINSPECTOR  "复查人（签字）："
#define XA_DOCUMENT_CLOSING_LEADER       "分管领导（签字）："

/* The labels of a hazard's facts in a notice or a closing form, and the blank a value
 * not recorded shows. */
#define XA_DOCUMENT_HAZARD_FUNDS         "%s元"
#define XA_DOCUMENT_HAZARD_NONE          "—"
#define XA_DOCUMENT_HAZARD_SEAL          "%s（盖章）"
#define XA_DOCUMENT_HAZARD_WITH_DATE     "%s（%s）"

/* The commission's supervision notice (督办通知, xa-supervision-notice.c) to a school whose
 * hazards are past their deadline: the title with the school, the school as 主送机关, the
 * body with the day judged on, the school year, the counts (of them 重大) and the
 * agreement it rests on; the table's own column; the request with the day to rectify
 * by, and for 重大 hazards their temporary control; the name offered for its file (the
 * school, the day). The title names no school: the 主送 line under it does. */
#define XA_DOCUMENT_SUPERVISION_TITLE       "关于限期整改逾期安全隐患的督办通知"
#define XA_DOCUMENT_SUPERVISION_TO          "%s："
#define XA_DOCUMENT_SUPERVISION_BODY \
  "经查你校安全隐患排查整改台账，截至%s，你校%s学年度有下列%u项安全隐患已超过整改时限仍未销号%s。" \
  "按照安全目标责任书关于隐患排查、记录、整改、复查、销号的要求，现予督办。"
#define XA_DOCUMENT_SUPERVISION_MAJOR       "（其中重大隐患%u项）"
#define XA_DOCUMENT_SUPERVISION_DAYS        "逾期天数"
#define XA_DOCUMENT_SUPERVISION_DAYS_VALUE  "%d天"
#define XA_DOCUMENT_SUPERVISION_REQUEST \
  "请你校接到本通知后，逐项落实整改责任、措施、资金、时限和预案，于%s前整改完毕并完成复查销号，" \
  "将整改情况书面报区教委。"
#define XA_DOCUMENT_SUPERVISION_REQUEST_MAJOR \
  "重大隐患在整改完成前须落实临时管控措施，确保师生安全。"
#define XA_DOCUMENT_SUPERVISION_NOTE \
  "逾期仍未整改到位的，将在本学年度安全目标考核中予以扣分。"
#define XA_DOCUMENT_SUPERVISION_FILE_NAME   "隐患整改督办通知 %s %s"
/* The signing unit when the installation has no commission set. */
#define XA_DOCUMENT_SUPERVISION_COMMISSION  "区教育委员会"

/* An inspection's record (安全检查记录表, xa-inspection-record.c, reference/domain.md §3.4):
 * the title after the school; the labels of its head; the items' headings and results;
 * the count of the items under them (how many, how many 异常, how many of those went to
 * the ledger); the signatures under the table; the name offered for its file (the
 * school, the inspection's number). */
#define XA_DOCUMENT_INSPECTION_TITLE        "%s安全检查记录表"
#define XA_DOCUMENT_INSPECTION_NUMBER       "检查编号"
#define XA_DOCUMENT_INSPECTION_TYPE         "检查类型"
#define XA_DOCUMENT_INSPECTION_DATE         "检查日期"
#define XA_DOCUMENT_INSPECTION_LEADER       "带队领导"
#define XA_DOCUMENT_INSPECTION_INSPECTORS   "检查人员"
#define XA_DOCUMENT_INSPECTION_SEQUENCE     "序号"
#define XA_DOCUMENT_INSPECTION_ITEM         "检查项目/内容"
#define XA_DOCUMENT_INSPECTION_RESULT       "结果"
#define XA_DOCUMENT_INSPECTION_NOTE         "情况说明"
#define XA_DOCUMENT_INSPECTION_HAZARD       "隐患编号"
#define XA_DOCUMENT_INSPECTION_NORMAL       "正常"
#define XA_DOCUMENT_INSPECTION_ABNORMAL     "异常"
/* An item's area and what was checked (消防：灭火器在有效期内), and where (（一楼走廊）). */
#define XA_DOCUMENT_INSPECTION_CONTENT      "%s：%s"
#define XA_DOCUMENT_INSPECTION_PLACE        "（%s）"
#define XA_DOCUMENT_INSPECTION_TOTAL        "合计"
#define XA_DOCUMENT_INSPECTION_SUMMARY      "检查 %u 项，异常 %u 项"
#define XA_DOCUMENT_INSPECTION_RECORDED     "，其中 %u 项已转入隐患台账"
#define XA_DOCUMENT_INSPECTION_REMARKS      "备注"
#define XA_DOCUMENT_INSPECTION_EMPTY        "本次检查未记录检查项目"
#define XA_DOCUMENT_INSPECTION_INSPECTOR_SIGN "检查人签字："
#define XA_DOCUMENT_INSPECTION_HEAD_SIGN    "负责人签字："
#define XA_DOCUMENT_INSPECTION_SIGN_DATE    "日期：　　年　月　日"
#define XA_DOCUMENT_INSPECTION_FILE_NAME    "安全检查记录表 %s %s"

/* A session of safety education (安全教育记录表, xa-education-form.c, reference/domain.md
 * §3.5): the title after the school, the labels of its rows, the words of its audience,
 * form, teacher and the 纲要's modules, the signatures and the name offered for its
 * file (the school, the date). */
#define XA_DOCUMENT_EDUCATION_TITLE         "%s安全教育记录表"
#define XA_DOCUMENT_EDUCATION_DATE          "日　　期"
#define XA_DOCUMENT_EDUCATION_WEEK          "学期/周次"
#define XA_DOCUMENT_EDUCATION_WEEK_VALUE    "第%u学期 第%u周"
#define XA_DOCUMENT_EDUCATION_AUDIENCE      "对　　象"
#define XA_DOCUMENT_EDUCATION_FORM          "形　　式"
#define XA_DOCUMENT_EDUCATION_TOPIC         "主　　题"
#define XA_DOCUMENT_EDUCATION_TEACHER       "授 课 人"
#define XA_DOCUMENT_EDUCATION_TEACHER_VALUE "%s（%s）"
#define XA_DOCUMENT_EDUCATION_HOURS         "课　　时"
#define XA_DOCUMENT_EDUCATION_ATTENDANCE    "应到/实到"
#define XA_DOCUMENT_EDUCATION_ATTENDANCE_VALUE "应到 %u 人，实到 %u 人，受教育率 %s"
#define XA_DOCUMENT_EDUCATION_CONTENT       "内容摘要"
#define XA_DOCUMENT_EDUCATION_ABSENT        "缺课名单"
#define XA_DOCUMENT_EDUCATION_MAKE_UP       "补课情况"
#define XA_DOCUMENT_EDUCATION_MAKE_UP_VALUE "%s补课，应补 %u 人，实补 %u 人"
#define XA_DOCUMENT_EDUCATION_MAKES_UP      "本次为%s%s的补课"
#define XA_DOCUMENT_EDUCATION_EVIDENCE      "佐证材料"
#define XA_DOCUMENT_EDUCATION_RECORDER      "记 录 人"
#define XA_DOCUMENT_EDUCATION_TEACHER_SIGN  "授课人签字："
#define XA_DOCUMENT_EDUCATION_RECORDER_SIGN "记录人签字："
#define XA_DOCUMENT_EDUCATION_SIGN_DATE     "日期：　　年　月　日"
#define XA_DOCUMENT_EDUCATION_FILE_NAME     "安全教育记录表 %s %s"

/* Charts (xa-chart.c): what a chart without values says in its frame, and the line
 * under a chart that could not hold all its categories. */
#define XA_DOCUMENT_CHART_EMPTY  "无数据"
#define XA_DOCUMENT_CHART_MORE   "另有%u项未显示"
