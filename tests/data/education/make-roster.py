#!/usr/bin/python3
# make-roster.py — writes roster.xlsx, a class roster as a school keeps it in Excel or WPS,
# made independently of Xiaoan: shared strings for the text, 学号 as number cells, a class
# typed as the number 2, a blank row, and a staff row with no 班级 cell at all.
# SPDX-License-Identifier: GPL-3.0-or-later
import zipfile

rows = [
    ["年级", "班级", "姓名", "学号"],
    ["七年级", "(1)班", "张小明", 20210001],
    ["七年级", "(1)班", "李华", 20210002],
    None,
    ["七年级", 2, "王芳", 20210003],
    ["教职工", "", "周老师", ""],
]

strings = []

def shared(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)

def cell(row, col, value):
    ref = "ABCD"[col] + str(row)
    if value == "":
        return ""
    if isinstance(value, int):
        return '<c r="%s"><v>%d</v></c>' % (ref, value)
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, shared(value))

sheet_rows = []
for number, values in enumerate(rows, start=1):
    if values is None:
        sheet_rows.append('<row r="%d"/>' % number)
    else:
        sheet_rows.append('<row r="%d">' % number + "".join(cell(number, c, v) for c, v in enumerate(values)) + "</row>")

head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
parts = [
    ("[Content_Types].xml", head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
     '<Default Extension="xml" ContentType="application/xml"/>'
     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
     '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
     '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
     "</Types>"),
    ("_rels/.rels", head + '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
     "</Relationships>" % (pkg, rel)),
    ("xl/workbook.xml", head + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets>'
     "</workbook>" % (main, rel)),
    ("xl/_rels/workbook.xml.rels", head + '<Relationships xmlns="%s">'
     '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
     '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>' % (pkg, rel, rel)),
    ("xl/worksheets/sheet1.xml", head + '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (main, "".join(sheet_rows))),
]
parts.append(("xl/sharedStrings.xml", head + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
              % (main, len(strings), len(strings), "".join("<si><t>%s</t></si>" % s for s in strings))))

fixed = (2021, 9, 1, 8, 0, 0)
with zipfile.ZipFile("roster.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
    for name, data in parts:
        archive.writestr(zipfile.ZipInfo(name, fixed), data.encode("utf-8"), zipfile.ZIP_DEFLATED)
