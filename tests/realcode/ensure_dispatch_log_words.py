"""Append to a log file and count its words with early-bound Scripting objects.

Source: the common recipe of win32com answers and blog posts on "win32com.client.constants":
``fso = win32com.client.gencache.EnsureDispatch("Scripting.FileSystemObject")`` (makepy's
early binding, so that ``constants.ForAppending`` exists), ``OpenTextFile(name,
constants.ForAppending, True)`` to append, ``constants.ForReading`` to read back, and a
``Scripting.Dictionary`` (also through EnsureDispatch) to count words, its ``CompareMode``
set to ``constants.TextCompare`` so that case does not matter. Rewritten to run on its own:
the log is made in the current folder, the lines come from a list in place of a service's
events, and it prints what the objects answered.
"""

import os

import win32com.client
from win32com.client import constants, gencache

fso = gencache.EnsureDispatch("Scripting.FileSystemObject")
print("FileSystemObject class:", type(fso).__name__)
log_name = fso.BuildPath(os.getcwd(), "service.log")

for line in ["Started service", "Stopped service", "started again"]:
    log = fso.OpenTextFile(log_name, constants.ForAppending, True)
    log.WriteLine(line)
    log.Close()

words = gencache.EnsureDispatch("Scripting.Dictionary")
words.CompareMode = constants.TextCompare
reader = fso.OpenTextFile(log_name, constants.ForReading)
while not reader.AtEndOfStream:
    for word in reader.ReadLine().split():
        if words.Exists(word):
            words.SetItem(word, words.Item(word) + 1)
        else:
            words.Add(word, 1)
reader.Close()

print("distinct words:", words.Count)
for word in words:
    print(f"  {word}: {words(word)}")
print("log size:", fso.GetFile(log_name).Size)
print(
    "ForReading, ForWriting, ForAppending:",
    constants.ForReading,
    constants.ForWriting,
    constants.ForAppending,
)
print("Dispatch now gives:", type(win32com.client.Dispatch("Scripting.FileSystemObject")).__name__)
fso.DeleteFile(log_name)
print("log exists after DeleteFile:", fso.FileExists(log_name))
