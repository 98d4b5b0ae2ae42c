"""Huairou's administrative divisions, for validating imported records.

General knowledge (confidence L, not from the research notes): 2 subdistricts, 3 areas,
9 towns and 2 ethnic townships. The notes themselves name 渤海镇, 雁栖镇, 怀柔镇, 怀北镇,
九渡河镇, 喇叭沟门满族乡, 桥梓镇, 琉璃庙镇, 汤河口镇 and (press conference) 北房, 杨宋, 庙城.
Areas are also written as towns (雁栖镇 = 雁栖地区), so both spellings are accepted.
"""

TOWNS_ZH = (
    "泉河街道",
    "龙山街道",
    "怀柔镇",
    "雁栖镇",
    "庙城镇",
    "北房镇",
    "杨宋镇",
    "桥梓镇",
    "怀北镇",
    "汤河口镇",
    "渤海镇",
    "九渡河镇",
    "琉璃庙镇",
    "宝山镇",
    "长哨营满族乡",
    "喇叭沟门满族乡",
)


def known_town(name: str) -> bool:
    name = name.strip()
    return name in TOWNS_ZH or name.replace("地区", "镇") in TOWNS_ZH
