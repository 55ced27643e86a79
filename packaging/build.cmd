@echo off
rem Builds the Windows installer (.msi) into packaging\target\ by running build.ps1 (UNTESTED here).
rem   packaging\build.cmd [-Type msi,app-image] [-Rebuild] [-SkipBuild] [-VerboseJpackage]
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
exit /b %ERRORLEVEL%
