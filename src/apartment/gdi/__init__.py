"""The drawing layer: GDI objects, device contexts, drawing into bitmaps, painting windows.

Built on the message layer (windows and their update regions). Objects live in one table per
process (``object_of``); a memory context draws into its bitmap for real, a window context
keeps its state and draws nowhere. ``_raster`` says what rasterizes, ``_text`` the font model.
"""

from ._bitmapbits import bitmap_bits as bitmap_bits
from ._bitmapbits import bitmap_file_bytes as bitmap_file_bytes
from ._bitmapbits import dib_bits as dib_bits
from ._bitmapbits import save_bitmap_file as save_bitmap_file
from ._bmpfile import LR_LOADTRANSPARENT as LR_LOADTRANSPARENT
from ._bmpfile import LR_MONOCHROME as LR_MONOCHROME
from ._bmpfile import load_bitmap_bytes as load_bitmap_bytes
from ._bmpfile import load_bitmap_file as load_bitmap_file
from ._caps import device_caps as device_caps
from ._clipboard_bitmap import register_bitmap_format as register_bitmap_format
from ._create import create_bitmap as create_bitmap
from ._create import create_brush as create_brush
from ._create import create_compatible_bitmap as create_compatible_bitmap
from ._create import create_ext_pen as create_ext_pen
from ._create import create_font as create_font
from ._create import create_pen as create_pen
from ._create import create_region as create_region
from ._dc import GM_ADVANCED as GM_ADVANCED
from ._dc import GM_COMPATIBLE as GM_COMPATIBLE
from ._dc import HORZRES as HORZRES
from ._dc import HORZSIZE as HORZSIZE
from ._dc import LOGPIXELS as LOGPIXELS
from ._dc import MM_ANISOTROPIC as MM_ANISOTROPIC
from ._dc import MM_ISOTROPIC as MM_ISOTROPIC
from ._dc import MM_TEXT as MM_TEXT
from ._dc import VERTRES as VERTRES
from ._dc import VERTSIZE as VERTSIZE
from ._dc import DcState as DcState
from ._dc import DeviceContext as DeviceContext
from ._dc import Transform as Transform
from ._dc import combine_transform as combine_transform
from ._dc import create_memory_dc as create_memory_dc
from ._dc import create_window_dc as create_window_dc
from ._dc import dc_of as dc_of
from ._fontfamilies import enum_font_families as enum_font_families
from ._fontfamilies import font_families as font_families
from ._imagelist import CLR_NONE as CLR_NONE
from ._imagelist import ImageList as ImageList
from ._imagelist import add_images as add_images
from ._imagelist import create_image_list as create_image_list
from ._imagelist import destroy_image_list as destroy_image_list
from ._imagelist import image_count as image_count
from ._imagelist import image_icon as image_icon
from ._imagelist import image_list as image_list
from ._imagelist import remove_image as remove_image
from ._imagelist import replace_icon as replace_icon
from ._imagelist import set_image_background as set_image_background
from ._objects import GDI_LOCK as GDI_LOCK
from ._objects import OBJ_BITMAP as OBJ_BITMAP
from ._objects import OBJ_BRUSH as OBJ_BRUSH
from ._objects import OBJ_DC as OBJ_DC
from ._objects import OBJ_EXTPEN as OBJ_EXTPEN
from ._objects import OBJ_FONT as OBJ_FONT
from ._objects import OBJ_MEMDC as OBJ_MEMDC
from ._objects import OBJ_PAL as OBJ_PAL
from ._objects import OBJ_PEN as OBJ_PEN
from ._objects import OBJ_REGION as OBJ_REGION
from ._objects import Bitmap as Bitmap
from ._objects import Brush as Brush
from ._objects import ExtPen as ExtPen
from ._objects import Font as Font
from ._objects import GdiObject as GdiObject
from ._objects import LogFont as LogFont
from ._objects import Palette as Palette
from ._objects import Pen as Pen
from ._objects import RegionObject as RegionObject
from ._objects import delete_object as delete_object
from ._objects import lookup as object_of
from ._objects import object_type as object_type
from ._paint import PaintInfo as PaintInfo
from ._paint import begin_paint as begin_paint
from ._paint import end_paint as end_paint
from ._paint import get_dc as get_dc
from ._paint import invalidate_rect as invalidate_rect
from ._paint import invalidate_region as invalidate_region
from ._paint import release_dc as release_dc
from ._paint import update_region as update_region
from ._paint import validate_rect as validate_rect
from ._paint import validate_region as validate_region
from ._paint import window_from_dc as window_from_dc
from ._paths import abort_path as abort_path
from ._paths import begin_path as begin_path
from ._paths import close_figure as close_figure
from ._paths import end_path as end_path
from ._paths import path_points as path_points
from ._raster import bit_blt as bit_blt
from ._raster import ellipse as ellipse
from ._raster import fill_path as fill_path
from ._raster import fill_rect as fill_rect
from ._raster import fill_region as fill_region
from ._raster import frame_rect as frame_rect
from ._raster import frame_region as frame_region
from ._raster import get_pixel as get_pixel
from ._raster import invert_rect as invert_rect
from ._raster import invert_region as invert_region
from ._raster import line_to as line_to
from ._raster import move_to as move_to
from ._raster import paint_region as paint_region
from ._raster import pat_blt as pat_blt
from ._raster import path_to_region as path_to_region
from ._raster import polygon as polygon
from ._raster import polyline as polyline
from ._raster import rectangle as rectangle
from ._raster import set_pixel as set_pixel
from ._raster import stretch_blt as stretch_blt
from ._regions import combine_regions as combine_regions
from ._regions import offset_region as offset_region
from ._regions import set_region as set_region
from ._stock import CLR_INVALID as CLR_INVALID
from ._stock import DEFAULT_PALETTE_COLORS as DEFAULT_PALETTE_COLORS
from ._stock import default_bitmap as default_bitmap
from ._stock import resolve_color as resolve_color
from ._stock import rgb as rgb
from ._stock import set_sys_colors as set_sys_colors
from ._stock import stock_object as stock_object
from ._stock import sys_color as sys_color
from ._stock import sys_color_brush as sys_color_brush
from ._sysfont import icon_title_font as icon_title_font
from ._sysfont import nonclient_metrics as nonclient_metrics
from ._sysfont import set_icon_title_font as set_icon_title_font
from ._text import TextMetrics as TextMetrics
from ._text import draw_text_extent as draw_text_extent
from ._text import face_name as face_name
from ._text import text_extent as text_extent
from ._text import text_metrics as text_metrics
from ._windowregion import set_window_region as set_window_region
from ._windowregion import window_region as window_region
from ._windowregion import window_region_into as window_region_into

__all__ = [
    "CLR_INVALID", "DEFAULT_PALETTE_COLORS", "GDI_LOCK", "GM_ADVANCED", "GM_COMPATIBLE",
    "HORZRES", "HORZSIZE", "LOGPIXELS", "MM_ANISOTROPIC", "MM_ISOTROPIC", "MM_TEXT",
    "OBJ_BITMAP", "OBJ_BRUSH", "OBJ_DC", "OBJ_EXTPEN", "OBJ_FONT", "OBJ_MEMDC", "OBJ_PAL",
    "OBJ_PEN", "OBJ_REGION", "VERTRES", "VERTSIZE",
    "Bitmap", "Brush", "DcState", "DeviceContext", "ExtPen", "Font", "GdiObject", "LogFont",
    "PaintInfo", "Palette", "Pen", "RegionObject", "TextMetrics", "Transform",
    "abort_path", "begin_paint", "begin_path", "bit_blt", "close_figure", "combine_regions",
    "combine_transform", "offset_region", "set_region",
    "create_bitmap",
    "create_brush", "create_compatible_bitmap", "create_ext_pen", "create_font",
    "create_memory_dc", "create_pen", "create_region", "create_window_dc", "dc_of",
    "default_bitmap", "delete_object", "draw_text_extent", "ellipse", "end_paint", "end_path",
    "face_name", "fill_path", "fill_rect", "fill_region", "frame_rect", "frame_region",
    "get_dc", "get_pixel", "invalidate_rect", "invert_rect", "invert_region", "line_to",
    "move_to", "object_of", "object_type", "paint_region", "pat_blt", "path_points",
    "path_to_region", "polygon", "polyline", "rectangle", "release_dc", "resolve_color", "rgb",
    "enum_font_families", "font_families", "set_pixel", "set_sys_colors", "stock_object",
    "stretch_blt", "sys_color",
    "sys_color_brush",
    "text_extent",
    "text_metrics", "update_region", "validate_rect", "window_from_dc",
    "icon_title_font", "nonclient_metrics", "set_icon_title_font",
    "CLR_NONE", "ImageList", "add_images", "create_image_list", "destroy_image_list",
    "image_count", "image_icon", "image_list", "remove_image", "replace_icon",
    "invalidate_region", "validate_region", "set_image_background", "set_window_region",
    "window_region", "window_region_into",
    "LR_LOADTRANSPARENT", "LR_MONOCHROME", "load_bitmap_file", "register_bitmap_format",
    "bitmap_bits", "bitmap_file_bytes", "device_caps", "dib_bits", "load_bitmap_bytes",
    "save_bitmap_file",
]  # fmt: skip
