"""Tell who runs the script and on which computer with WScript.Network, as login scripts do.

Source: the login-script idiom (``Set net = CreateObject("WScript.Network")``;
``net.UserName``, ``net.ComputerName``, ``net.UserDomain``) as pywin32 programs use it
(``win32com.client.Dispatch("WScript.Network").UserName`` next to ``getpass.getuser()`` and
``win32api.GetUserName()``), rewritten to print whether the names agree rather than the names.
Where Wine is not Windows: Wine's WshNetwork has no ComputerName nor UserDomain (E_NOTIMPL);
those lines are Windows' (a computer in no domain: the domain is the computer's name).
"""

import win32api
import win32com.client

net = win32com.client.Dispatch("WScript.Network")
print("user agrees:", net.UserName == win32api.GetUserName())
print("computer agrees:", net.ComputerName == win32api.GetComputerName())
print("domain is the computer:", net.UserDomain == win32api.GetComputerName())
