#!/usr/bin/python3
# make-wps-ledger.py — writes ledger-wps.xlsx, a hazard ledger as a school keeps it in WPS
# or Excel, made independently of Xiaoan's writer so that the import is tested against a
# workbook it did not write: a 序号 column, other names for the columns (排查时间, 治理措施,
# 隐患名称), shared strings with a phonetic guide (<rPh>), an inline string, dates as date
# cells (serial numbers) and as text (2021年9月5日), an amount as a number, a blank row, and
# cells out of order with a gap. SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import zipfile

def serial(year, month, day):
    return (datetime.date(year, month, day) - datetime.date(1899, 12, 30)).days

header = ["序号", "隐患编号", "排查类型", "排查时间", "检查人", "隐患部位", "隐患类别", "隐患名称",
          "隐患等级", "临时管控措施", "治理措施", "责任部门", "责任人", "完成时限", "所需资金（元）",
          "是否上报区教委", "上报日期", "挂牌督办", "督办单位", "整改完成日期", "复查人", "复查日期",
          "复查结果", "销号日期", "销号人", "隐患状态", "备注"]

rows = [
    # A closed hazard: every date a date cell.
    [1, "2021-2022-2150000113-0001", "周查", serial(2021, 9, 3), "张老师", "教学楼三楼东侧配电箱", "用电",
     "配电箱门锁损坏，电线裸露", "一般", "", "更换门锁，包扎裸露电线", "总务处", "李主任",
     serial(2021, 9, 10), 1200.5, "否", "", "否", "", serial(2021, 9, 8), "王校长", serial(2021, 9, 12),
     "合格", serial(2021, 9, 13), "王校长", "已销号", ""],
    # A major hazard being fixed; its found date typed as text, its description inline.
    [2, "2021-2022-2150000113-0002", "专项整治", "2021年9月5日", "安全办", "学校北侧围墙", "校舍建筑",
     ("INLINE", "围墙出现裂缝，向外倾斜"), "重大隐患", "拉警戒线，禁止靠近", "拆除重建围墙", "总务处",
     "李主任", serial(2021, 10, 30), "", "是", serial(2021, 9, 6), "是", "区教委", "", "", "", "",
     "", "", "整改中", "已报区教委"],
]

strings = []

def shared(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)

def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name

def cell(row, col, value):
    ref = column_name(col) + str(row)
    if value == "":
        return ""
    if isinstance(value, tuple):
        return '<c r="%s" t="inlineStr"><is><r><t>%s</t></r></is></c>' % (ref, value[1])
    if isinstance(value, (int, float)):
        style = ' s="1"' if col in date_columns else ""
        return '<c r="%s"%s><v>%s</v></c>' % (ref, style, value)
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, shared(value))

date_columns = {header.index(name) for name in ("排查时间", "完成时限", "上报日期", "整改完成日期", "复查日期", "销号日期")}

sheet_rows = ['<row r="1">' + "".join(cell(1, c, v) for c, v in enumerate(header)) + "</row>"]
sheet_rows.append('<row r="2">' + "".join(cell(2, c, v) for c, v in enumerate(rows[0])) + "</row>")
# Row 3 is blank: a gap the reader skips; row 4 lists its cells from the last.
sheet_rows.append('<row r="3"/>')
sheet_rows.append('<row r="4">' + "".join(reversed([cell(4, c, v) for c, v in enumerate(rows[1])])) + "</row>")

# The phonetic guide of 张老师 must not become part of the name.
def string_item(text):
    if text == "张老师":
        return "<si><t>张老师</t><rPh sb=\"0\" eb=\"1\"><t>zhāng</t></rPh><phoneticPr fontId=\"1\"/></si>"
    return "<si><t>%s</t></si>" % text

sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         "<sheetData>" + "".join(sheet_rows) + "</sheetData></worksheet>")
shared_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
              % (len(strings), len(strings)) + "".join(string_item(s) for s in strings) + "</sst>")
workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<workbookPr/><sheets><sheet name="隐患台账" sheetId="1" r:id="rId1"/></sheets></workbook>')
relations = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             "</Relationships>")
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
          '<cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 "</Types>")
root_relations = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                  "</Relationships>")

fixed = (2021, 10, 8, 12, 0, 0)
with zipfile.ZipFile("ledger-wps.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
    # The sheet before the shared strings it refers to, as some writers order them.
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", root_relations),
                       ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", relations),
                       ("xl/worksheets/sheet1.xml", sheet), ("xl/styles.xml", styles),
                       ("xl/sharedStrings.xml", shared_xml)]:
        archive.writestr(zipfile.ZipInfo(name, fixed), data.encode("utf-8"), zipfile.ZIP_DEFLATED)
