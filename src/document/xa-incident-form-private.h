/* xa-incident-form-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the 演练记录表 (xa-drill-record.c) and the 事故报告 (xa-incident-report.c) share:
 * their words, Chinese whatever language the interface speaks, the table of facts at
 * their head and the page they make.
 */

#pragma once

#include "xa-page-layout.h"

G_BEGIN_DECLS

#define XA_FORM_NONE              "—"
#define XA_FORM_DATE              "日期：　　年　月　日"
#define XA_FORM_SECONDS           "%d分%02d秒"
#define XA_FORM_PEOPLE            "%d人"

#define XA_DRILL_RECORD_TITLE      "%s应急疏散演练记录表"
#define XA_DRILL_RECORD_FILE_NAME  "演练记录表 %s %s"
#define XA_DRILL_RECORD_DATE       "演练日期"
#define XA_DRILL_RECORD_KIND       "演练类型"
#define XA_DRILL_RECORD_ORGANISER  "组织者"
#define XA_DRILL_RECORD_PEOPLE     "参与人数"
#define XA_DRILL_RECORD_TIME       "疏散用时"
#define XA_DRILL_RECORD_TARGET     "目标用时"
#define XA_DRILL_RECORD_OVER       "（超时）"
#define XA_DRILL_RECORD_WITHIN     "（达标）"
#define XA_DRILL_RECORD_SEQUENCE   "序号"
#define XA_DRILL_RECORD_PROBLEM    "发现问题"
#define XA_DRILL_RECORD_HAZARD     "隐患编号"
#define XA_DRILL_RECORD_NO_PROBLEM "未发现问题"
#define XA_DRILL_RECORD_IMPROVE    "改进措施"
#define XA_DRILL_RECORD_EVIDENCE   "佐证材料"
#define XA_DRILL_RECORD_FILES      "已归档%u份"
#define XA_DRILL_RECORD_RECORDER   "记录人签字："
#define XA_DRILL_RECORD_HEAD       "负责人签字："

#define XA_INCIDENT_REPORT_TITLE      "%s安全事故报告"
#define XA_INCIDENT_REPORT_FILE_NAME  "事故报告 %s %s"
#define XA_INCIDENT_REPORT_SCHOOL     "报告单位"
#define XA_INCIDENT_REPORT_DATE       "发生日期"
#define XA_INCIDENT_REPORT_KIND       "事故类型"
#define XA_INCIDENT_REPORT_SEVERITY   "事故等级"
#define XA_INCIDENT_REPORT_AFFECTED   "涉及人数"
#define XA_INCIDENT_REPORT_FINDING    "事故认定"
#define XA_INCIDENT_REPORT_REPORTED   "报送日期"
#define XA_INCIDENT_REPORT_REPORTING  "报送情况"
#define XA_INCIDENT_REPORT_NOT_YET    "未报送"
#define XA_INCIDENT_REPORT_INFLUENCE  "恶劣影响"
#define XA_INCIDENT_REPORT_YES        "造成恶劣影响"
#define XA_INCIDENT_REPORT_NO         "未造成"
#define XA_INCIDENT_REPORT_VETO       "一票否决"
#define XA_INCIDENT_REPORT_VETOED     "否决（%s）"
#define XA_INCIDENT_REPORT_PENDING    "待认定（%s）"
#define XA_INCIDENT_REPORT_CLEAR      "不否决"
#define XA_INCIDENT_REPORT_SUMMARY    "简要经过"
#define XA_INCIDENT_REPORT_REPORTER   "报告人签字："
#define XA_INCIDENT_REPORT_HEAD       "学校负责人签字（盖章）："

XaPageTable  *_xa_incident_form_facts_new   (void);
void          _xa_incident_form_add_facts   (XaPageTable    *table,
                                             const char     *label,
                                             const char     *value,
                                             const char     *label2,
                                             const char     *value2);
XaPageLayout *_xa_incident_form_layout_new  (XaFontResolver *fonts,
                                             const char     *title,
                                             const char     *school_name,
                                             int             school_year,
                                             const char     *date,
                                             XaPageTable    *facts,
                                             XaPageTable    *body);

G_END_DECLS
