"""QR codes linking a sheet back to its online version (segno: pure Python)."""

import segno


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, scale: int = 3) -> str:
    return qr_code(url).svg_inline(scale=scale, border=2, title=url)


def qr_modules(url: str) -> list[tuple[int, int]]:
    """(column, row) of every dark module, for drawing the code in a PDF."""
    return [
        (column, row)
        for row, values in enumerate(qr_code(url).matrix)
        for column, dark in enumerate(values)
        if dark
    ]


def qr_size(url: str) -> int:
    return qr_code(url).symbol_size(scale=1, border=0)[0]
