"""pywin32's ``FOLDERID_*`` (``win32com.shell.shell``): the known folders' IDs as PyIIDs.

Made from :data:`apartment.services.KNOWN_FOLDER_IDS`; which have a path here is said there.
"""

from __future__ import annotations

from ....services import KNOWN_FOLDER_IDS
from ...pywintypes import IID, PyIID

__all__ = [
    "FOLDERID_AddNewPrograms",
    "FOLDERID_AdminTools",
    "FOLDERID_AppUpdates",
    "FOLDERID_CDBurning",
    "FOLDERID_ChangeRemovePrograms",
    "FOLDERID_CommonAdminTools",
    "FOLDERID_CommonOEMLinks",
    "FOLDERID_CommonPrograms",
    "FOLDERID_CommonStartMenu",
    "FOLDERID_CommonStartup",
    "FOLDERID_CommonTemplates",
    "FOLDERID_ComputerFolder",
    "FOLDERID_ConflictFolder",
    "FOLDERID_ConnectionsFolder",
    "FOLDERID_Contacts",
    "FOLDERID_ControlPanelFolder",
    "FOLDERID_Cookies",
    "FOLDERID_Desktop",
    "FOLDERID_DeviceMetadataStore",
    "FOLDERID_Documents",
    "FOLDERID_DocumentsLibrary",
    "FOLDERID_Downloads",
    "FOLDERID_Favorites",
    "FOLDERID_Fonts",
    "FOLDERID_GameTasks",
    "FOLDERID_Games",
    "FOLDERID_History",
    "FOLDERID_HomeGroup",
    "FOLDERID_ImplicitAppShortcuts",
    "FOLDERID_InternetCache",
    "FOLDERID_InternetFolder",
    "FOLDERID_Libraries",
    "FOLDERID_Links",
    "FOLDERID_LocalAppData",
    "FOLDERID_LocalAppDataLow",
    "FOLDERID_LocalizedResourcesDir",
    "FOLDERID_Music",
    "FOLDERID_MusicLibrary",
    "FOLDERID_NetHood",
    "FOLDERID_NetworkFolder",
    "FOLDERID_OriginalImages",
    "FOLDERID_PhotoAlbums",
    "FOLDERID_Pictures",
    "FOLDERID_PicturesLibrary",
    "FOLDERID_Playlists",
    "FOLDERID_PrintHood",
    "FOLDERID_PrintersFolder",
    "FOLDERID_Profile",
    "FOLDERID_ProgramData",
    "FOLDERID_ProgramFiles",
    "FOLDERID_ProgramFilesCommon",
    "FOLDERID_ProgramFilesCommonX64",
    "FOLDERID_ProgramFilesCommonX86",
    "FOLDERID_ProgramFilesX64",
    "FOLDERID_ProgramFilesX86",
    "FOLDERID_Programs",
    "FOLDERID_Public",
    "FOLDERID_PublicDesktop",
    "FOLDERID_PublicDocuments",
    "FOLDERID_PublicDownloads",
    "FOLDERID_PublicGameTasks",
    "FOLDERID_PublicLibraries",
    "FOLDERID_PublicMusic",
    "FOLDERID_PublicPictures",
    "FOLDERID_PublicRingtones",
    "FOLDERID_PublicVideos",
    "FOLDERID_QuickLaunch",
    "FOLDERID_Recent",
    "FOLDERID_RecordedTVLibrary",
    "FOLDERID_RecycleBinFolder",
    "FOLDERID_ResourceDir",
    "FOLDERID_Ringtones",
    "FOLDERID_RoamingAppData",
    "FOLDERID_SEARCH_CSC",
    "FOLDERID_SEARCH_MAPI",
    "FOLDERID_SampleMusic",
    "FOLDERID_SamplePictures",
    "FOLDERID_SamplePlaylists",
    "FOLDERID_SampleVideos",
    "FOLDERID_SavedGames",
    "FOLDERID_SavedSearches",
    "FOLDERID_SearchHome",
    "FOLDERID_SendTo",
    "FOLDERID_SidebarDefaultParts",
    "FOLDERID_SidebarParts",
    "FOLDERID_StartMenu",
    "FOLDERID_Startup",
    "FOLDERID_SyncManagerFolder",
    "FOLDERID_SyncResultsFolder",
    "FOLDERID_SyncSetupFolder",
    "FOLDERID_System",
    "FOLDERID_SystemX86",
    "FOLDERID_Templates",
    "FOLDERID_UserPinned",
    "FOLDERID_UserProfiles",
    "FOLDERID_UserProgramFiles",
    "FOLDERID_UserProgramFilesCommon",
    "FOLDERID_UsersFiles",
    "FOLDERID_UsersLibraries",
    "FOLDERID_Videos",
    "FOLDERID_VideosLibrary",
    "FOLDERID_Windows",
]


def _iid(name: str) -> PyIID:
    return IID("{" + str(KNOWN_FOLDER_IDS[name]).upper() + "}")


FOLDERID_AddNewPrograms = _iid("AddNewPrograms")
FOLDERID_AdminTools = _iid("AdminTools")
FOLDERID_AppUpdates = _iid("AppUpdates")
FOLDERID_CDBurning = _iid("CDBurning")
FOLDERID_ChangeRemovePrograms = _iid("ChangeRemovePrograms")
FOLDERID_CommonAdminTools = _iid("CommonAdminTools")
FOLDERID_CommonOEMLinks = _iid("CommonOEMLinks")
FOLDERID_CommonPrograms = _iid("CommonPrograms")
FOLDERID_CommonStartMenu = _iid("CommonStartMenu")
FOLDERID_CommonStartup = _iid("CommonStartup")
FOLDERID_CommonTemplates = _iid("CommonTemplates")
FOLDERID_ComputerFolder = _iid("ComputerFolder")
FOLDERID_ConflictFolder = _iid("ConflictFolder")
FOLDERID_ConnectionsFolder = _iid("ConnectionsFolder")
FOLDERID_Contacts = _iid("Contacts")
FOLDERID_ControlPanelFolder = _iid("ControlPanelFolder")
FOLDERID_Cookies = _iid("Cookies")
FOLDERID_Desktop = _iid("Desktop")
FOLDERID_DeviceMetadataStore = _iid("DeviceMetadataStore")
FOLDERID_Documents = _iid("Documents")
FOLDERID_DocumentsLibrary = _iid("DocumentsLibrary")
FOLDERID_Downloads = _iid("Downloads")
FOLDERID_Favorites = _iid("Favorites")
FOLDERID_Fonts = _iid("Fonts")
FOLDERID_GameTasks = _iid("GameTasks")
FOLDERID_Games = _iid("Games")
FOLDERID_History = _iid("History")
FOLDERID_HomeGroup = _iid("HomeGroup")
FOLDERID_ImplicitAppShortcuts = _iid("ImplicitAppShortcuts")
FOLDERID_InternetCache = _iid("InternetCache")
FOLDERID_InternetFolder = _iid("InternetFolder")
FOLDERID_Libraries = _iid("Libraries")
FOLDERID_Links = _iid("Links")
FOLDERID_LocalAppData = _iid("LocalAppData")
FOLDERID_LocalAppDataLow = _iid("LocalAppDataLow")
FOLDERID_LocalizedResourcesDir = _iid("LocalizedResourcesDir")
FOLDERID_Music = _iid("Music")
FOLDERID_MusicLibrary = _iid("MusicLibrary")
FOLDERID_NetHood = _iid("NetHood")
FOLDERID_NetworkFolder = _iid("NetworkFolder")
FOLDERID_OriginalImages = _iid("OriginalImages")
FOLDERID_PhotoAlbums = _iid("PhotoAlbums")
FOLDERID_Pictures = _iid("Pictures")
FOLDERID_PicturesLibrary = _iid("PicturesLibrary")
FOLDERID_Playlists = _iid("Playlists")
FOLDERID_PrintHood = _iid("PrintHood")
FOLDERID_PrintersFolder = _iid("PrintersFolder")
FOLDERID_Profile = _iid("Profile")
FOLDERID_ProgramData = _iid("ProgramData")
FOLDERID_ProgramFiles = _iid("ProgramFiles")
FOLDERID_ProgramFilesCommon = _iid("ProgramFilesCommon")
FOLDERID_ProgramFilesCommonX64 = _iid("ProgramFilesCommonX64")
FOLDERID_ProgramFilesCommonX86 = _iid("ProgramFilesCommonX86")
FOLDERID_ProgramFilesX64 = _iid("ProgramFilesX64")
FOLDERID_ProgramFilesX86 = _iid("ProgramFilesX86")
FOLDERID_Programs = _iid("Programs")
FOLDERID_Public = _iid("Public")
FOLDERID_PublicDesktop = _iid("PublicDesktop")
FOLDERID_PublicDocuments = _iid("PublicDocuments")
FOLDERID_PublicDownloads = _iid("PublicDownloads")
FOLDERID_PublicGameTasks = _iid("PublicGameTasks")
FOLDERID_PublicLibraries = _iid("PublicLibraries")
FOLDERID_PublicMusic = _iid("PublicMusic")
FOLDERID_PublicPictures = _iid("PublicPictures")
FOLDERID_PublicRingtones = _iid("PublicRingtones")
FOLDERID_PublicVideos = _iid("PublicVideos")
FOLDERID_QuickLaunch = _iid("QuickLaunch")
FOLDERID_Recent = _iid("Recent")
FOLDERID_RecordedTVLibrary = _iid("RecordedTVLibrary")
FOLDERID_RecycleBinFolder = _iid("RecycleBinFolder")
FOLDERID_ResourceDir = _iid("ResourceDir")
FOLDERID_Ringtones = _iid("Ringtones")
FOLDERID_RoamingAppData = _iid("RoamingAppData")
FOLDERID_SEARCH_CSC = _iid("SEARCH_CSC")
FOLDERID_SEARCH_MAPI = _iid("SEARCH_MAPI")
FOLDERID_SampleMusic = _iid("SampleMusic")
FOLDERID_SamplePictures = _iid("SamplePictures")
FOLDERID_SamplePlaylists = _iid("SamplePlaylists")
FOLDERID_SampleVideos = _iid("SampleVideos")
FOLDERID_SavedGames = _iid("SavedGames")
FOLDERID_SavedSearches = _iid("SavedSearches")
FOLDERID_SearchHome = _iid("SearchHome")
FOLDERID_SendTo = _iid("SendTo")
FOLDERID_SidebarDefaultParts = _iid("SidebarDefaultParts")
FOLDERID_SidebarParts = _iid("SidebarParts")
FOLDERID_StartMenu = _iid("StartMenu")
FOLDERID_Startup = _iid("Startup")
FOLDERID_SyncManagerFolder = _iid("SyncManagerFolder")
FOLDERID_SyncResultsFolder = _iid("SyncResultsFolder")
FOLDERID_SyncSetupFolder = _iid("SyncSetupFolder")
FOLDERID_System = _iid("System")
FOLDERID_SystemX86 = _iid("SystemX86")
FOLDERID_Templates = _iid("Templates")
FOLDERID_UserPinned = _iid("UserPinned")
FOLDERID_UserProfiles = _iid("UserProfiles")
FOLDERID_UserProgramFiles = _iid("UserProgramFiles")
FOLDERID_UserProgramFilesCommon = _iid("UserProgramFilesCommon")
FOLDERID_UsersFiles = _iid("UsersFiles")
FOLDERID_UsersLibraries = _iid("UsersLibraries")
FOLDERID_Videos = _iid("Videos")
FOLDERID_VideosLibrary = _iid("VideosLibrary")
FOLDERID_Windows = _iid("Windows")
